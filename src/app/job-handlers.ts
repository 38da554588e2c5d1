import {
  DISCOVER_JOB,
  EXECUTE_JOB,
  type JobKind,
  type JobPayloads,
  parseJobPayload,
} from '../domain/job-kinds.js';
import type { UseCaseDeps } from '../incidents/deps.js';
import { discoverStep } from '../incidents/discover-step.js';
import { executeStep } from '../incidents/execute-step.js';
import type { Job, JobContext, JobHandler } from '../jobs/job.js';
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
 * Each is given the claim's abort signal and fencing token, so a run that lost its job stops.
 */
export function incidentJobHandlers(
  deps: UseCaseDeps,
  metrics?: Pick<Metrics, 'job'>,
): Record<string, JobHandler> {
  const handlers: Record<JobKind, JobHandler> = {
    [DISCOVER_JOB]: typed(DISCOVER_JOB, async ({ stepId }, { signal }) => {
      await discoverStep(deps, stepId, { signal });
    }),
    [EXECUTE_JOB]: typed(EXECUTE_JOB, async ({ stepId, digest }, { signal, fence }) => {
      await executeStep(deps, stepId, digest, { token: fence, signal });
    }),
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
