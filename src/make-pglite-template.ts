import { writePgliteTemplate } from './db/pglite-template.js';

// Run by `npm run build` after tsc: the migrated embedded database a first start loads (see
// pglite-template.ts). Quick and silent when the dump for this code is already there. It only
// saves time at a first start, so failing to make it warns and leaves the build green.
try {
  const { file, made } = await writePgliteTemplate();
  if (made) process.stdout.write(`reclaim: embedded database template written to ${file}\n`);
} catch (err) {
  process.stderr.write(
    `reclaim: warning: no embedded database template (${(err as Error).message}); a first start on an empty DATA_DIR will run initdb instead\n`,
  );
}
