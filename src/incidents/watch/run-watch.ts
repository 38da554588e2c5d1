import { appendAudit } from '../../audit/append-audit.js';
import type { Queryable } from '../../db/db.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { findWatch, listBaselines, listWatchAlerts, updateWatch } from '../../db/repos/watch-repo.js';
import { WATCH_RUN_JOB, watchRunKey } from '../../domain/job-kinds.js';
import { findingKey, newSuspicious, WATCH_FAILURES_SHOWN } from '../../domain/watch.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { UseCaseDeps } from '../deps.js';
import { raiseAlert } from './raise-alert.js';
import { rediscover, watchedStepKeys } from './rediscover.js';

export type WatchRunOutcome =
  | { outcome: 'alerted'; alerts: number; alertStepIds: string[] }
  | { outcome: 'clean' | 'failed' | 'ended' | 'not_needed' };

/**
 * The WATCH_RUN job, run `run` of the incident's watch: re-runs every watched step's discovery
 * (read-only, as background work), compares it with the baseline and raises one alert per step with
 * new suspicious findings, then queues the next run. The run is recorded once: a run taken again
 * after a crash, or by a second replica, finds it done and stops. Past its end the watch ends.
 */
export async function runWatch(deps: UseCaseDeps, incidentId: string, run: number): Promise<WatchRunOutcome> {
  const watch = await findWatch(deps.db, incidentId);
  if (watch?.state !== 'watching' || watch.runs !== run - 1) return { outcome: 'not_needed' };
  const now = deps.now();
  if (watch.untilAt && now >= watch.untilAt) return endWatch(deps, incidentId, run);

  const incident = await getIncident(deps.db, incidentId);
  const steps = await listSteps(deps.db, incidentId);
  const results = await rediscover(deps, incident, watchedStepKeys(steps));
  const baselines = new Map((await listBaselines(deps.db, incidentId)).map((b) => [b.stepKey, b.findings]));
  const failed = results.filter((r) => !r.ok);

  const out = await deps.db.transaction(async (tx): Promise<WatchRunOutcome> => {
    const current = await findWatch(tx, incidentId, { forUpdate: true });
    if (current?.state !== 'watching' || current.runs !== run - 1) return { outcome: 'not_needed' };
    const fresh = await getIncident(tx, incidentId, { forUpdate: true });
    const raised = raisedKeys(await listWatchAlerts(tx, incidentId));
    const alertStepIds: string[] = [];
    for (const r of results) {
      if (!r.ok) continue;
      const found = newSuspicious(
        r.discovery.findings,
        baselines.get(r.stepKey) ?? [],
        raised.get(r.stepKey) ?? new Set(),
      );
      if (found.length === 0) continue;
      const risk = steps.find((s) => s.stepKey === r.stepKey)?.risk ?? 'high';
      const alert = await raiseAlert(tx, {
        incident: fresh,
        stepKey: r.stepKey,
        risk,
        run,
        discovery: r.discovery,
        fresh: found,
        at: now,
      });
      if (alert.reopened) fresh.status = 'open';
      alertStepIds.push(alert.stepId);
    }
    const failures = failed.length > 0 ? current.failures + 1 : 0;
    await updateWatch(tx, incidentId, {
      runs: run,
      lastRunAt: now,
      alerts: current.alerts + alertStepIds.length,
      failures,
      lastError: failed[0] && !failed[0].ok ? `${failed[0].stepKey}: ${failed[0].code}` : null,
    });
    await scheduleRun(tx, incidentId, run + 1, current.intervalMinutes);
    await appendAudit(tx, {
      incidentId,
      actor: 'reclaim',
      action: failed.length > 0 ? 'watch.run_failed' : 'watch.run',
      payload: {
        run,
        alerts: alertStepIds.length,
        unreadable: failed.map((f) => (f.ok ? '' : `${f.stepKey}: ${f.code}`)),
        ...(failures === WATCH_FAILURES_SHOWN ? { shownOnCard: true } : {}),
      },
    });
    if (alertStepIds.length > 0) return { outcome: 'alerted', alerts: alertStepIds.length, alertStepIds };
    return { outcome: failed.length > 0 ? 'failed' : 'clean' };
  });
  if (out.outcome !== 'not_needed') deps.notifier.incidentChanged(incidentId);
  if (out.outcome === 'alerted')
    for (const id of out.alertStepIds) deps.notifier.watchAlerted?.(incidentId, id);
  return out;
}

/** Per step, what alerts raised that still stands: open, or accepted (skipped, rejected). Undone ones may come back. */
function raisedKeys(alerts: Awaited<ReturnType<typeof listWatchAlerts>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of alerts) {
    if (a.stepState === 'done') continue;
    const set = out.get(a.stepKey) ?? new Set<string>();
    for (const f of a.findings) set.add(findingKey(f));
    out.set(a.stepKey, set);
  }
  return out;
}

async function scheduleRun(tx: Queryable, incidentId: string, run: number, intervalMinutes: number) {
  await enqueueJob(tx, {
    kind: WATCH_RUN_JOB,
    payload: { incidentId, run: String(run) },
    delayMs: Math.round(intervalMinutes * 60_000),
    dedupeKey: watchRunKey(incidentId, run),
  });
}

async function endWatch(deps: UseCaseDeps, incidentId: string, run: number): Promise<WatchRunOutcome> {
  const ended = await deps.db.transaction(async (tx) => {
    const watch = await findWatch(tx, incidentId, { forUpdate: true });
    if (watch?.state !== 'watching' || watch.runs !== run - 1) return false;
    await updateWatch(tx, incidentId, { state: 'ended', endedAt: deps.now(), endedBy: 'reclaim' });
    await appendAudit(tx, {
      incidentId,
      actor: 'reclaim',
      action: 'watch.ended',
      payload: { reason: 'expired', runs: watch.runs, alerts: watch.alerts },
    });
    return true;
  });
  if (!ended) return { outcome: 'not_needed' };
  deps.notifier.incidentChanged(incidentId);
  return { outcome: 'ended' };
}
