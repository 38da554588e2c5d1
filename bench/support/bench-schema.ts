import { randomBytes } from 'node:crypto';
import { createPgDb } from '../../src/db/pg-db.js';

/**
 * A fresh schema on the local PostgreSQL (DATABASE_URL or 127.0.0.1:5432/test) for one bench run,
 * with a URL that pins search_path to it; null when PostgreSQL does not answer.
 */
export async function withBenchSchema(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = createPgDb({ connectionString: base, max: 1 });
  if (!(await admin.ping())) {
    await admin.close();
    return null;
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const sep = base.includes('?') ? '&' : '?';
  return {
    url: `${base}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
