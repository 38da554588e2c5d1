import pg from 'pg';
import { StorageError } from '../domain/errors.js';
import { type Db, INT8_OID, parseInt8, type Queryable, type QueryResult, type Session } from './db.js';

type PgClient = pg.PoolClient | pg.Pool;

function queryable(client: PgClient): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const res = await client.query(sql, params as unknown[] | undefined);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

async function inTransaction<T>(client: pg.PoolClient, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const out = await fn(queryable(client));
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export interface PgDbOptions {
  connectionString: string;
  /** Every connection gets this search_path (tests isolate themselves in a schema each). */
  schema?: string;
  max?: number;
}

/** PostgreSQL through a pg.Pool. */
export function createPgDb(options: PgDbOptions): Db {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const base = queryable(pool);

  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw new StorageError('storage_unavailable', `PostgreSQL is unavailable: ${(err as Error).message}`, {
        cause: err,
      });
    }
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => withClient((client) => inTransaction(client, fn)),
    session: (fn) =>
      withClient((client) => {
        const session: Session = {
          ...queryable(client),
          transaction: (inner) => inTransaction(client, inner),
        };
        return fn(session);
      }),
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
