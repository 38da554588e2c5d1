import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgDb } from '../../src/db/pg-db.js';
import { createPgliteDb } from '../../src/db/pglite-db.js';

/** The real PostgreSQL when DATABASE_URL is set (CI's second run), otherwise in-memory PGlite. */
export const usingPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDb {
  db: Db;
  /** The schema this test owns on PostgreSQL (undefined on PGlite). */
  schema?: string;
  /** A URL that reaches the same isolated schema, for child processes (PostgreSQL only). */
  url?: string;
  cleanup(): Promise<void>;
}

/**
 * An empty, isolated database: on PostgreSQL a schema of its own (so parallel test files never see
 * each other's rows), on PGlite a fresh in-memory instance. `migrated: false` leaves it empty.
 */
export async function createTestDb(options: { migrated?: boolean } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  let out: TestDb;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = createPgDb({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const db = createPgDb({ connectionString: url, schema, max: 10 });
    const sep = url.includes('?') ? '&' : '?';
    out = {
      db,
      schema,
      url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      async cleanup() {
        await db.close();
        const dropper = createPgDb({ connectionString: url, max: 1 });
        await dropper.exec(`DROP SCHEMA ${schema} CASCADE`);
        await dropper.close();
      },
    };
  } else {
    const migrated = options.migrated !== false;
    const db = await createPgliteDb(migrated ? { loadDataDir: await pgliteTemplate() } : {});
    out = { db, cleanup: () => db.close() };
    return out;
  }
  if (options.migrated !== false) await migrate(out.db);
  return out;
}

let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= readFile(inject('pgliteTemplate')).then((buf) => new Blob([buf]));
  return template;
}
