import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPgliteDb } from '../../../src/db/pglite-db.js';
import { cachedOnce, ROOT } from './cache-once.js';

let template: Promise<string> | undefined;

async function pgliteVersion(): Promise<string> {
  const pkg = join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version;
}

/**
 * Puts a freshly initialised, empty PGlite data directory where the bot looks for it
 * (`DATA_DIR/pglite`). PGlite's initdb is the slowest part of a cold start (seconds on a busy box);
 * it is done once per PGlite version and copied, and the bot still applies every migration itself.
 */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  template ??= pgliteVersion().then((version) =>
    cachedOnce(`pglite-${version}`, async (dir) => {
      await mkdir(dir, { recursive: true });
      const db = await createPgliteDb({ dataDir: dir });
      await db.close();
    }),
  );
  await cp(await template, join(dataDir, 'pglite'), { recursive: true });
}
