import { setFlagsFromString } from 'node:v8';
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
  /** A tarball of the data directory (the start-up and test templates). */
  dumpDataDir(): Promise<Blob>;
}

/**
 * PostgreSQL's default 128 MB of shared buffers is all touched at start inside PGlite's WASM memory,
 * which made it most of the bot's RSS. Reclaim's data is small (50 open incidents are a few MB) and
 * the operating system caches DATA_DIR anyway, so 16 MB keeps every hot page and ~110 MB less RSS.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

/**
 * V8 compiles PGlite's 9 MB of WASM at once with its baseline compiler (Liftoff) and then, in
 * background threads, recompiles the hot functions with its optimising one. On a small machine
 * that second pass competes with start-up for the CPU and leaves ~60 MB of compiler memory behind;
 * Reclaim's queries are small, so the baseline code serves them (bench/audit-append, bench/footprint
 * measure both). Set before PGlite compiles anything, and only in a process that uses PGlite. The
 * flag is process-wide: the other WASM here is undici's HTTP parser (fetch), which parses small
 * provider and Slack answers (bench/remediation makes its provider calls in such a process).
 */
let baselineOnly = false;
function compileWasmBaselineOnly(): void {
  if (baselineOnly) return;
  setFlagsFromString('--liftoff-only');
  baselineOnly = true;
}

/** A ping within this long of a query that answered is answered from that (see ping()). */
const RECENT_ANSWER_MS = 5_000;

export async function createPgliteDb(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<PgliteDb> {
  compileWasmBaselineOnly();
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    parsers: { [INT8_OID]: parseInt8 },
  });
  let answeredAt = Number.NEGATIVE_INFINITY;
  const answered = <T>(result: T): T => {
    answeredAt = performance.now();
    return result;
  };
  const base = queryable({
    query: <R>(sql: string, params?: unknown[]) => pglite.query<R>(sql, params).then(answered),
    exec: (sql) => pglite.exec(sql).then(answered),
  });
  const db: PgliteDb = {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))).then(answered),
    session: (fn) => fn(db),
    /**
     * PGlite runs every query in turn on this thread, so a `SELECT 1` waits behind all the work
     * queued (a burst of clicks, resuming 50 incidents) and a health check would time out on a
     * database that is answering. It is in this process: open and answering a query within the
     * last few seconds is reachable; only an idle one is asked.
     */
    async ping() {
      if (pglite.closed) return false;
      if (performance.now() - answeredAt < RECENT_ANSWER_MS) return true;
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
