/**
 * The one database interface. Two implementations run the same SQL: `pg.Pool` against PostgreSQL
 * when DATABASE_URL is set, and embedded PGlite in DATA_DIR when it is not.
 */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1… parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Session extends Queryable {
  /** Runs `fn` in BEGIN … COMMIT on this session's connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Db extends Session {
  readonly kind: 'postgres' | 'pglite';
  /** Holds one connection for `fn` (session-level advisory locks need the same connection). */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /** True when a trivial query answers (health checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** int8 (COUNT, bigserial) comes back as a JS number from both drivers; values stay below 2^53. */
export const INT8_OID = 20;
export const parseInt8 = (value: string): number => Number(value);
