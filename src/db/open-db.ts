import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from '../domain/errors.js';
import type { Db } from './db.js';
import { closeToOthers, ensurePrivateDataDir } from './private-data-dir.js';

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Where `npm run build` left the embedded database's template (default dist/pglite-template). */
  templateDir?: string;
}

/**
 * PostgreSQL when DATABASE_URL is set (checked with one query so a bad URL fails at start), else PGlite.
 * Only the driver in use is loaded: importing the other would add to every start-up.
 */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { createPgDb } = await import('./pg-db.js');
    const db = createPgDb({ connectionString: options.databaseUrl });
    try {
      await db.query('SELECT 1');
    } catch (err) {
      await db.close().catch(() => undefined);
      throw new StorageError(
        'storage_unavailable',
        `DATABASE_URL: cannot connect to PostgreSQL (${describePgError(err)}). Check the host, port, user and password, or unset DATABASE_URL to use the embedded database.`,
        { cause: err },
      );
    }
    return db;
  }
  await ensurePrivateDataDir(options.dataDir);
  const dir = join(options.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const { createPgliteDb } = await import('./pglite-db.js');
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  const template = fresh
    ? await (await import('./pglite-template.js')).readPgliteTemplate(
        options.templateDir ? { dir: options.templateDir } : {},
      )
    : undefined;
  if (template) {
    try {
      return await closedToOthers(dir, await createPgliteDb({ dataDir: dir, loadDataDir: template }));
    } catch {
      // The template only saves time: a dump that will not load is dropped and initdb runs.
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    }
  }
  try {
    return await closedToOthers(dir, await createPgliteDb({ dataDir: dir }));
  } catch (err) {
    throw new StorageError(
      'storage_unavailable',
      `DATA_DIR: cannot open the embedded database in ${dir} (${(err as Error).message}). Is another Reclaim using it?`,
      { cause: err },
    );
  }
}

async function closedToOthers(dir: string, db: Db): Promise<Db> {
  await closeToOthers(dir);
  return db;
}

function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  // The message never holds the password; pg reports host, port or user.
  return [e.code, e.message].filter(Boolean).join(': ') || String(err);
}
