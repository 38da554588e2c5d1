import type { Queryable } from '../db/db.js';
import { type StepPatch, updateStep } from '../db/repos/steps-repo.js';
import { nextState, type StepEvent } from '../domain/step-machine.js';
import type { Step } from '../domain/types.js';

/** Moves a step through the state machine (an illegal move throws its StateError) and stores it. */
export async function applyEvent(
  tx: Queryable,
  step: Step,
  event: StepEvent,
  patch: StepPatch = {},
): Promise<Step> {
  const next = nextState(step, event);
  return updateStep(tx, step.id, { ...patch, state: next.state, failedPhase: next.failedPhase });
}
