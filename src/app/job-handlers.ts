import { DISCOVER_JOB, EXECUTE_JOB } from '../domain/job-kinds.js';
import type { UseCaseDeps } from '../incidents/deps.js';
import { discoverStep } from '../incidents/discover-step.js';
import { executeStep } from '../incidents/execute-step.js';
import type { JobHandler } from '../jobs/job.js';
import type { Metrics } from './metrics.js';

/** The worker's handlers: the use cases behind the DISCOVER and EXECUTE jobs, timed for /metrics. */
export function incidentJobHandlers(
  deps: UseCaseDeps,
  metrics?: Pick<Metrics, 'job'>,
): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {
    [DISCOVER_JOB]: async (job) => {
      await discoverStep(deps, String(job.payload.stepId));
    },
    [EXECUTE_JOB]: async (job) => {
      await executeStep(deps, String(job.payload.stepId), String(job.payload.digest));
    },
  };
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
