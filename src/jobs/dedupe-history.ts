import type { Queryable } from '../db/db.js';

/**
 * Whether a job other than `exceptId` ever carried `dedupeKey`, finished ones included (the queue's
 * own dedupe covers only queued and running jobs): for work that must happen once per key for good.
 */
export async function dedupeKeyUsed(
  q: Queryable,
  dedupeKey: string,
  options: { exceptId?: number; states?: readonly ('queued' | 'running' | 'done' | 'failed')[] } = {},
): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM jobs WHERE dedupe_key = $1 AND ($2::bigint IS NULL OR id <> $2::bigint)
        AND ($3::text[] IS NULL OR state = ANY($3::text[])) LIMIT 1`,
    [dedupeKey, options.exceptId ?? null, options.states ? [...options.states] : null],
  );
  return rows.length > 0;
}
