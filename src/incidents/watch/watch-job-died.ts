import { appendAudit } from '../../audit/append-audit.js';
import { findWatch, updateWatch } from '../../db/repos/watch-repo.js';
import { WATCH_BASELINE_JOB, WATCH_RUN_JOB, watchBaselineKey, watchRunKey } from '../../domain/job-kinds.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { UseCaseDeps } from '../deps.js';

/**
 * A watch job that failed for good (its handler threw on every attempt) must not leave the watch
 * quiet: it counts as a failed run, and the next run (or the baseline) is queued an interval later.
 */
export async function watchJobDied(
  deps: UseCaseDeps,
  incidentId: string,
  kind: string,
  run: number,
  lastError: string | null,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const watch = await findWatch(tx, incidentId, { forUpdate: true });
    if (!watch) return;
    const delayMs = Math.round(watch.intervalMinutes * 60_000);
    const failures = watch.failures + 1;
    const error = (lastError ?? 'the job failed').slice(0, 200);
    if (kind === WATCH_BASELINE_JOB && watch.state === 'waiting') {
      await updateWatch(tx, incidentId, { failures, lastError: error });
      await enqueueJob(tx, {
        kind: WATCH_BASELINE_JOB,
        payload: { incidentId },
        delayMs,
        dedupeKey: `${watchBaselineKey(incidentId)}:retry:${failures}`,
      });
    } else if (kind === WATCH_RUN_JOB && watch.state === 'watching' && watch.runs === run - 1) {
      await updateWatch(tx, incidentId, { failures, lastError: error, runs: run, lastRunAt: deps.now() });
      await enqueueJob(tx, {
        kind: WATCH_RUN_JOB,
        payload: { incidentId, run: String(run + 1) },
        delayMs,
        dedupeKey: watchRunKey(incidentId, run + 1),
      });
    } else {
      return;
    }
    await appendAudit(tx, {
      incidentId,
      actor: 'reclaim',
      action: 'watch.run_failed',
      payload: { run, job: kind, error },
    });
  });
  deps.notifier.incidentChanged(incidentId);
}
