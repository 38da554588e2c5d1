import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db.js';
import { INT8_OID, parseInt8 } from './db.js';

interface PgliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function queryable(client: PgliteLike): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await client.query<R>(sql, params as unknown[] | undefined);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite). `dataDir` undefined keeps it in memory (tests); a folder keeps it on
 * disk so incidents survive a restart. PGlite has one connection, so a session is the database itself
 * and its transaction() serialises other queries until it commits.
 */
export interface PgliteDb extends Db {
  /** A tarball of the data directory (tests build one migrated template and load it per file). */
  dumpDataDir(): Promise<Blob>;
}

export async function createPgliteDb(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<PgliteDb> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8_OID]: parseInt8 },
  });
  const base = queryable(pglite);
  const db: PgliteDb = {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    session: (fn) => fn(db),
    async ping() {
      try {
        await pglite.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    dumpDataDir: async () => (await pglite.dumpDataDir('none')) as Blob,
    close: () => pglite.close(),
  };
  return db;
}
