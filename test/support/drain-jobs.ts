import { incidentJobHandlers } from '../../src/app/job-handlers.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import { claimJob, completeJob } from '../../src/jobs/queue.js';

/**
 * Runs every queued incident job to completion, in order, as the worker would (with the worker's
 * own handlers, so every kind runs as in production); returns the kinds run.
 */
export async function drainJobs(deps: UseCaseDeps): Promise<string[]> {
  const handlers = incidentJobHandlers(deps);
  const ran: string[] = [];
  for (;;) {
    const job = await claimJob(deps.db, { workerId: 'test', leaseMs: 60_000 });
    if (!job) return ran;
    // A kind the engine does not run (a test's own) is only taken off the queue.
    await handlers[job.kind]?.(job, {
      signal: new AbortController().signal,
      fence: job.fence ?? 0,
      extendLease: async () => undefined,
    });
    await completeJob(deps.db, job.id, 'test', job.fence);
    ran.push(job.kind);
  }
}
