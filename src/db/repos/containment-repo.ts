import type { Queryable } from '../db.js';

/** When the last of a plan's actions was done (the last stop Contain now wrote); null when none is. */
export async function lastActionDoneAt(q: Queryable, stepId: string, digest: string): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date | string | null }>(
    `SELECT max(updated_at) AS at FROM plan_actions
     WHERE step_id = $1 AND plan_digest = $2 AND state = 'done'`,
    [stepId, digest],
  );
  const at = rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}
