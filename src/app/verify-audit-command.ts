/** `npm run audit:verify`: the audit chain's links and every anchor written down outside the database. */
import { resolve } from 'node:path';
import {
  type AuditAnchor,
  checkAnchors,
  formatAnchor,
  parseAnchor,
  readAnchorFile,
  readChainHead,
} from '../audit/anchors.js';
import { verifyAuditChain } from '../audit/verify-chain.js';
import { loadConfig, readEnvironment } from '../config/config.js';
import type { Db } from '../db/db.js';
import { openDb } from '../db/open-db.js';
import { ConfigError, normaliseError } from '../domain/errors.js';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Exit 0 when every link holds and every anchor (the anchor file, and each `--anchor seq:hash` given,
 * e.g. copied from an incident channel or report) is still in the chain; 1 when the chain was
 * altered, re-chained or cut short; 2 when it could not be checked (configuration, database).
 */
export async function verifyAuditCommand(
  argv: readonly string[],
  processEnv: NodeJS.ProcessEnv,
  io: CommandOutput,
): Promise<number> {
  let db: Db;
  let anchors: AuditAnchor[];
  let anchorFile: string;
  try {
    anchors = argv.flatMap((arg, i) => (arg === '--anchor' ? [parseAnchor(argv[i + 1] ?? '')] : []));
    const config = loadConfig(readEnvironment(processEnv));
    anchorFile = config.auditAnchorFile;
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: resolve(config.dataDir) });
  } catch (err) {
    io.err(`audit:verify: ${err instanceof ConfigError ? err.message : normaliseError(err).message}`);
    return 2;
  }
  try {
    const chain = await verifyAuditChain(db);
    if (!chain.ok) {
      io.err(
        `audit chain BROKEN at entry ${chain.brokenAt}: ${chain.reason} (${chain.count} entries hold before it)`,
      );
      return 1;
    }
    anchors = [...(await readAnchorFile(anchorFile)), ...anchors];
    const mismatches = await checkAnchors(db, anchors);
    for (const m of mismatches) {
      io.err(
        `anchor ${formatAnchor(m.anchor)} does not hold: entry ${m.anchor.seq} ${m.found ? `now has hash ${m.found}` : 'is gone'}`,
      );
    }
    if (mismatches.length > 0) {
      io.err(`audit chain REWRITTEN: ${mismatches.length} of ${anchors.length} anchors do not hold`);
      return 1;
    }
    const head = await readChainHead(db);
    io.out(
      `audit chain verified: ${chain.count} entries, ${anchors.length} anchors hold${head ? `; head ${formatAnchor(head)}` : ''}`,
    );
    return 0;
  } catch (err) {
    io.err(`audit:verify: ${normaliseError(err).message}`);
    return 2;
  } finally {
    await db.close().catch(() => undefined);
  }
}
