import {
  CONTAIN_DISCOVER_JOB,
  CONTAIN_EXECUTE_JOB,
  DISCOVER_JOB,
  EXECUTE_JOB,
  type JobKind,
  type JobPayloads,
  POSTURE_JOB,
  parseJobPayload,
  WATCH_BASELINE_JOB,
  WATCH_RUN_JOB,
} from '../domain/job-kinds.js';
import type { UseCaseDeps } from '../incidents/deps.js';
import { discoverStep } from '../incidents/discover-step.js';
import { executeStep } from '../incidents/execute-step.js';
import { stepRunsAlone } from '../incidents/step-runs-alone.js';
import { recordBaseline } from '../incidents/watch/record-baseline.js';
import { runWatch } from '../incidents/watch/run-watch.js';
import { runScheduledPosture } from '../incidents/watch/scheduled-posture.js';
import type { Job, JobContext, JobHandler } from '../jobs/job.js';
import { createJobGate, type JobGate } from '../jobs/job-gate.js';
import { inBackground, urgently } from '../rate-limits/index.js';
import type { Metrics } from './metrics.js';

/** A handler given its job's payload parsed for its kind (a malformed one fails the job for good). */
function typed<K extends JobKind>(
  kind: K,
  handle: (payload: JobPayloads[K], ctx: JobContext, job: Job) => Promise<void>,
): JobHandler {
  return (job, ctx) => handle(parseJobPayload(kind, job.payload), ctx, job);
}

/**
 * The worker's handlers: the use cases behind the DISCOVER and EXECUTE jobs, timed for /metrics.
 * Each is given the claim's abort signal and fencing token, so a run that lost its job stops. The
 * watch's jobs read the provider as background work: after every request an incident is waiting for.
 * All of them share `gate`, so the jobs the worker runs side by side wait for, and hold off, the
 * execution of a step that replaces Reclaim's own credential (`runsAlone`).
 */
export function incidentJobHandlers(
  deps: UseCaseDeps,
  metrics?: Pick<Metrics, 'job'> & Partial<Pick<Metrics, 'watchRun'>>,
  gate: JobGate = createJobGate(),
): Record<string, JobHandler> {
  const handlers: Record<JobKind, JobHandler> = {
    [DISCOVER_JOB]: typed(DISCOVER_JOB, async ({ stepId }, { signal }) => {
      await discoverStep(deps, stepId, { signal });
    }),
    [EXECUTE_JOB]: typed(EXECUTE_JOB, async ({ stepId, digest }, { signal, fence }) => {
      const run = () => executeStep(deps, stepId, digest, { token: fence, signal });
      await ((await stepRunsAlone(deps, stepId)) ? gate.alone(run) : gate.shared(run));
    }),
    // Contain now: the same use cases, every provider request ahead of the checklist's on the limiter.
    [CONTAIN_DISCOVER_JOB]: typed(CONTAIN_DISCOVER_JOB, async ({ stepId }, { signal }) => {
      await urgently(() => discoverStep(deps, stepId, { signal }));
    }),
    [CONTAIN_EXECUTE_JOB]: typed(CONTAIN_EXECUTE_JOB, async ({ stepId, digest }, { signal, fence }) => {
      await urgently(() => executeStep(deps, stepId, digest, { token: fence, signal }));
    }),
    [WATCH_BASELINE_JOB]: typed(WATCH_BASELINE_JOB, async ({ incidentId }) => {
      const outcome = await inBackground(() => recordBaseline(deps, incidentId));
      if (outcome !== 'not_needed') metrics?.watchRun?.(outcome === 'recorded' ? 'baseline' : 'failed', 0);
    }),
    [WATCH_RUN_JOB]: typed(WATCH_RUN_JOB, async ({ incidentId, run }) => {
      const result = await inBackground(() => runWatch(deps, incidentId, Number(run)));
      if (result.outcome !== 'not_needed') {
        metrics?.watchRun?.(result.outcome, result.outcome === 'alerted' ? result.alerts : 0);
      }
    }),
    // The scheduled posture check reads every connection as background work, as the watch does.
    [POSTURE_JOB]: typed(POSTURE_JOB, async (payload, _ctx, job) => {
      await inBackground(() => runScheduledPosture(deps, payload, job.id));
    }),
  };
  for (const kind of Object.keys(handlers) as JobKind[]) {
    if (kind === EXECUTE_JOB) continue;
    const handler = handlers[kind];
    handlers[kind] = (job, ctx) => gate.shared(() => handler(job, ctx));
  }
  if (!metrics) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      (async (job, ctx) => {
        const started = Date.now();
        const wait = (started - job.runAt.getTime()) / 1000;
        try {
          await handler(job, ctx);
          metrics.job(kind, wait, (Date.now() - started) / 1000, 'done');
        } catch (err) {
          metrics.job(kind, wait, (Date.now() - started) / 1000, 'failed');
          throw err;
        }
      }) satisfies JobHandler,
    ]),
  );
}
