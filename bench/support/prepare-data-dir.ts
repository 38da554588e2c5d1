// A migrated PGlite data directory made in a short-lived child process, as the bot's own start finds one.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/db/migrate.js';
import { createPgliteDb } from '../../src/db/pglite-db.js';

/**
 * The bot opens an existing DATA_DIR (or, on a first start, loads the template `npm run build`
 * made): it never runs initdb while it works. initdb here, in the measured process, ran a second
 * WebAssembly instance whose freed memory stayed in the process (~80 MB of RSS before the bench
 * began, in none of the bot's own runs), so it runs in a child process that exits.
 */
export async function prepareDataDir(dir: string): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [dir], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`preparing the data directory ${dir} failed (exit ${code})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const db = await createPgliteDb({ dataDir: process.argv[2]! });
  await migrate(db);
  await db.close();
}
