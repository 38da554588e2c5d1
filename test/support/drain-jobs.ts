import {
  DISCOVER_JOB,
  type DiscoverPayload,
  EXECUTE_JOB,
  type ExecutePayload,
} from '../../src/domain/job-kinds.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import { discoverStep } from '../../src/incidents/discover-step.js';
import { executeStep } from '../../src/incidents/execute-step.js';
import { claimJob, completeJob } from '../../src/jobs/queue.js';

/** Runs every queued incident job to completion, in order, as the worker would; returns the kinds run. */
export async function drainJobs(deps: UseCaseDeps): Promise<string[]> {
  const ran: string[] = [];
  for (;;) {
    const job = await claimJob(deps.db, { workerId: 'test', leaseMs: 60_000 });
    if (!job) return ran;
    if (job.kind === DISCOVER_JOB)
      await discoverStep(deps, (job.payload as unknown as DiscoverPayload).stepId);
    if (job.kind === EXECUTE_JOB) {
      const p = job.payload as unknown as ExecutePayload;
      await executeStep(deps, p.stepId, p.digest);
    }
    await completeJob(deps.db, job.id, 'test');
    ran.push(job.kind);
  }
}
