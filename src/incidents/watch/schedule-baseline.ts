import type { Queryable } from '../../db/db.js';
import { WATCH_BASELINE_JOB, watchBaselineKey } from '../../domain/job-kinds.js';
import { enqueueJob } from '../../jobs/queue.js';

/**
 * Called in the transaction that settles a step: once no automated step of the incident is open
 * (each done or skipped) and its watch waits for that, the baseline is queued (once: a dedupe key).
 */
export async function scheduleBaselineIfSettled(tx: Queryable, incidentId: string): Promise<void> {
  const { rows } = await tx.query<{ waiting: boolean; open: number }>(
    `SELECT EXISTS (SELECT 1 FROM watches WHERE incident_id = $1 AND state = 'waiting') AS waiting,
            (SELECT count(*)::int FROM steps
              WHERE incident_id = $1 AND kind = 'automated' AND state NOT IN ('done', 'skipped')) AS open`,
    [incidentId],
  );
  const row = rows[0];
  if (!row?.waiting || row.open > 0) return;
  await enqueueJob(tx, {
    kind: WATCH_BASELINE_JOB,
    payload: { incidentId },
    dedupeKey: watchBaselineKey(incidentId),
  });
}
