import type { Queryable } from '../db/db.js';
import { type StepPatch, updateStep } from '../db/repos/steps-repo.js';
import { nextState, type StepEvent, TERMINAL_STATES } from '../domain/step-machine.js';
import type { Step } from '../domain/types.js';
import { scheduleBaselineIfSettled } from './watch/schedule-baseline.js';

/**
 * Moves a step through the state machine (an illegal move throws its StateError) and stores it. A
 * step that starts discovering begins a new approval round: the decisions given on what it showed
 * before (a Reject among them) belong to the old round and no longer count. An automated step that
 * settles may be the incident's last: then its watch's baseline is queued in the same transaction.
 */
export async function applyEvent(
  tx: Queryable,
  step: Step,
  event: StepEvent,
  patch: StepPatch = {},
): Promise<Step> {
  const next = nextState(step, event);
  const newRound = next.state === 'discovering' && step.state !== 'discovering';
  const updated = await updateStep(tx, step.id, {
    ...patch,
    state: next.state,
    failedPhase: next.failedPhase,
    ...(newRound ? { newApprovalRound: true } : {}),
  });
  if (step.kind === 'automated' && TERMINAL_STATES.includes(next.state)) {
    await scheduleBaselineIfSettled(tx, step.incidentId);
  }
  return updated;
}
