import { verifyAuditCommand } from './app/verify-audit-command.js';

// `npm run audit:verify [-- --anchor <seq>:<hash> …]`: checks the audit chain and its anchors.
process.exitCode = await verifyAuditCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
