import { appendAudit } from '../../audit/append-audit.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { findWatch, saveBaseline, updateWatch } from '../../db/repos/watch-repo.js';
import { WATCH_BASELINE_JOB, WATCH_RUN_JOB, watchBaselineKey, watchRunKey } from '../../domain/job-kinds.js';
import { planDigest } from '../../domain/plan-digest.js';
import { watchUntil } from '../../domain/watch.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { UseCaseDeps } from '../deps.js';
import { rediscover, watchedStepKeys } from './rediscover.js';

export type BaselineOutcome = 'recorded' | 'failed' | 'not_needed';

const minutes = (m: number) => Math.round(m * 60_000);

/**
 * The WATCH_BASELINE job: once every automated step is settled, records what each step's discovery
 * sees now (a digest and the findings; what the team skipped or reviewed is in it, so it is never
 * raised), starts the watch and queues its first run. A provider that cannot be read counts as a
 * failure of the watch and the baseline is tried again an interval later.
 */
export async function recordBaseline(deps: UseCaseDeps, incidentId: string): Promise<BaselineOutcome> {
  const before = await findWatch(deps.db, incidentId);
  if (before?.state !== 'waiting') return 'not_needed';
  const incident = await getIncident(deps.db, incidentId);
  const results = await rediscover(deps, incident, watchedStepKeys(await listSteps(deps.db, incidentId)));
  const failed = results.find((r) => !r.ok);
  const now = deps.now();
  const outcome = await deps.db.transaction(async (tx): Promise<BaselineOutcome> => {
    const watch = await findWatch(tx, incidentId, { forUpdate: true });
    if (watch?.state !== 'waiting') return 'not_needed';
    if (failed && !failed.ok) {
      await updateWatch(tx, incidentId, {
        failures: watch.failures + 1,
        lastError: `${failed.stepKey}: ${failed.code}`,
      });
      await enqueueJob(tx, {
        kind: WATCH_BASELINE_JOB,
        payload: { incidentId },
        delayMs: minutes(watch.intervalMinutes),
        dedupeKey: `${watchBaselineKey(incidentId)}:retry:${watch.failures + 1}`,
      });
      return 'failed';
    }
    for (const r of results) {
      if (!r.ok) continue;
      await saveBaseline(
        tx,
        incidentId,
        { stepKey: r.stepKey, digest: planDigest(r.discovery.actions), findings: r.discovery.findings },
        now,
      );
    }
    const untilAt = watchUntil(now, watch.hours);
    await updateWatch(tx, incidentId, {
      state: 'watching',
      startedAt: now,
      untilAt,
      failures: 0,
      lastError: null,
    });
    await enqueueJob(tx, {
      kind: WATCH_RUN_JOB,
      payload: { incidentId, run: '1' },
      delayMs: minutes(watch.intervalMinutes),
      dedupeKey: watchRunKey(incidentId, 1),
    });
    await appendAudit(tx, {
      incidentId,
      actor: 'reclaim',
      action: 'watch.started',
      payload: {
        until: untilAt.toISOString(),
        intervalMinutes: watch.intervalMinutes,
        steps: results.map((r) => r.stepKey),
        accepted: results.flatMap((r) => (r.ok ? r.discovery.findings.filter((f) => f.suspicious) : []))
          .length,
      },
    });
    return 'recorded';
  });
  if (outcome !== 'not_needed') deps.notifier.incidentChanged(incidentId);
  return outcome;
}
