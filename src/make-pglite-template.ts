import { writePgliteTemplate } from './db/pglite-template.js';

// Run by `npm run build` after tsc: the migrated embedded database a first start loads (see
// pglite-template.ts). Quick and silent when the dump for this code is already there.
const { file, made } = await writePgliteTemplate();
if (made) process.stdout.write(`reclaim: embedded database template written to ${file}\n`);
