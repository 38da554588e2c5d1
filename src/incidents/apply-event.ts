import type { Queryable } from '../db/db.js';
import { type StepPatch, updateStep } from '../db/repos/steps-repo.js';
import { nextState, type StepEvent } from '../domain/step-machine.js';
import type { Step } from '../domain/types.js';

/**
 * Moves a step through the state machine (an illegal move throws its StateError) and stores it. A
 * step that starts discovering begins a new approval round: the decisions given on what it showed
 * before (a Reject among them) belong to the old round and no longer count.
 */
export async function applyEvent(
  tx: Queryable,
  step: Step,
  event: StepEvent,
  patch: StepPatch = {},
): Promise<Step> {
  const next = nextState(step, event);
  const newRound = next.state === 'discovering' && step.state !== 'discovering';
  return updateStep(tx, step.id, {
    ...patch,
    state: next.state,
    failedPhase: next.failedPhase,
    ...(newRound ? { newApprovalRound: true } : {}),
  });
}
