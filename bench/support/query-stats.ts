// For `--trace`: a Db that counts each statement's calls, rows and time, to see where a bench's database time goes.
import type { Db, Queryable } from '../../src/db/db.js';

interface Tally {
  calls: number;
  rows: number;
  ms: number;
}

export interface CountedDb {
  db: Db;
  /** The statements that took longest in all, one line each. */
  report(top?: number): string[];
}

/** Wraps `inner`: every query, in a transaction or not, is timed under its first 90 characters. */
export function countQueries(inner: Db): CountedDb {
  const tallies = new Map<string, Tally>();
  const timed = (q: Queryable): Queryable => ({
    exec: (sql) => q.exec(sql),
    async query(sql, params) {
      const started = performance.now();
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
      const tally = tallies.get(key) ?? { calls: 0, rows: 0, ms: 0 };
      tallies.set(key, tally);
      try {
        const result = await q.query(sql, params);
        tally.rows += result.rowCount;
        return result as never;
      } finally {
        tally.calls += 1;
        tally.ms += performance.now() - started;
      }
    },
  });
  const db: Db = {
    ...inner,
    ...timed(inner),
    transaction: (fn) => inner.transaction((tx) => fn(timed(tx))),
    session: (fn) => inner.session(fn),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  const report = (top = 15) =>
    [...tallies]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, top)
      .map(
        ([sql, t]) =>
          `${t.ms.toFixed(0).padStart(7)} ms ${String(t.calls).padStart(6)} calls ${String(t.rows).padStart(7)} rows  ${sql}`,
      );
  return { db, report };
}
