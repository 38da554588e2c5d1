// A step's discovery and execution jobs, queued in the caller's transaction: the kind (Contain now's lane or the checklist's) and the dedupe key chosen in one place.
import type { Queryable } from '../db/db.js';
import { discoverJobOf, discoverKey, executeJobOf, executeKey } from '../domain/job-kinds.js';
import type { Step } from '../domain/types.js';
import { enqueueJob } from '../jobs/queue.js';

type StepRef = Pick<Step, 'id' | 'stepKey'>;

/** Queues the step's discovery; null when one is already live (the dedupe key). */
export function queueDiscovery(tx: Queryable, step: StepRef) {
  return enqueueJob(tx, {
    kind: discoverJobOf(step.stepKey),
    payload: { stepId: step.id },
    dedupeKey: discoverKey(step.id),
  });
}

/** Queues the execution of the plan bound to `digest`; null when one is already live. */
export function queueExecution(tx: Queryable, step: StepRef, digest: string) {
  return enqueueJob(tx, {
    kind: executeJobOf(step.stepKey),
    payload: { stepId: step.id, digest },
    dedupeKey: executeKey(step.id, digest),
  });
}
