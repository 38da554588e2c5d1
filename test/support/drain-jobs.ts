import {
  DISCOVER_JOB,
  EXECUTE_JOB,
  parseJobPayload,
  WATCH_BASELINE_JOB,
  WATCH_RUN_JOB,
} from '../../src/domain/job-kinds.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import { discoverStep } from '../../src/incidents/discover-step.js';
import { executeStep } from '../../src/incidents/execute-step.js';
import { recordBaseline } from '../../src/incidents/watch/record-baseline.js';
import { runWatch } from '../../src/incidents/watch/run-watch.js';
import { claimJob, completeJob } from '../../src/jobs/queue.js';

/** Runs every queued incident job to completion, in order, as the worker would; returns the kinds run. */
export async function drainJobs(deps: UseCaseDeps): Promise<string[]> {
  const ran: string[] = [];
  for (;;) {
    const job = await claimJob(deps.db, { workerId: 'test', leaseMs: 60_000 });
    if (!job) return ran;
    const signal = new AbortController().signal;
    if (job.kind === DISCOVER_JOB)
      await discoverStep(deps, parseJobPayload(DISCOVER_JOB, job.payload).stepId, { signal });
    if (job.kind === EXECUTE_JOB) {
      const p = parseJobPayload(EXECUTE_JOB, job.payload);
      await executeStep(deps, p.stepId, p.digest, { token: job.fence!, signal });
    }
    if (job.kind === WATCH_BASELINE_JOB)
      await recordBaseline(deps, parseJobPayload(WATCH_BASELINE_JOB, job.payload).incidentId);
    if (job.kind === WATCH_RUN_JOB) {
      const p = parseJobPayload(WATCH_RUN_JOB, job.payload);
      await runWatch(deps, p.incidentId, Number(p.run));
    }
    await completeJob(deps.db, job.id, 'test', job.fence);
    ran.push(job.kind);
  }
}
