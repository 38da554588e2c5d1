import type { Queryable } from '../../db/db.js';
import { WATCH_BASELINE_JOB, watchBaselineKey } from '../../domain/job-kinds.js';
import { enqueueJob } from '../../jobs/queue.js';

/**
 * Called in the transaction that settles a step: once no automated step of the incident is open
 * (each done or skipped) and its watch waits for that, the baseline is queued (once: a dedupe key).
 * The watch row is locked before the steps are counted: two steps settling at once (a click and the
 * worker) would otherwise each count the other as open and neither queue it. The second to take the
 * lock counts after the first committed, so it sees both settled.
 */
export async function scheduleBaselineIfSettled(tx: Queryable, incidentId: string): Promise<void> {
  const waiting = await tx.query(
    `SELECT 1 FROM watches WHERE incident_id = $1 AND state = 'waiting' FOR UPDATE`,
    [incidentId],
  );
  if (waiting.rows.length === 0) return;
  const { rows } = await tx.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM steps
      WHERE incident_id = $1 AND kind = 'automated' AND state NOT IN ('done', 'skipped')`,
    [incidentId],
  );
  if ((rows[0]?.open ?? 1) > 0) return;
  await enqueueJob(tx, {
    kind: WATCH_BASELINE_JOB,
    payload: { incidentId },
    dedupeKey: watchBaselineKey(incidentId),
  });
}
