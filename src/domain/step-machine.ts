import type { ErrorCode } from './error-codes.js';
import { StateError } from './errors.js';
import type { Step, StepState } from './types.js';

/** What can happen to a step. The use cases send these; `nextState` says where the step goes. */
export type StepEvent =
  | { type: 'begin_discovery' }
  | { type: 'discovered' }
  | { type: 'approval_complete' }
  | { type: 'begin_execution' }
  | { type: 'executed' }
  | { type: 'fail'; phase: 'discover' | 'execute' }
  | { type: 'reject' }
  | { type: 'skip' }
  | { type: 'mark_done'; planIsEmpty: boolean }
  | { type: 'retry' };

export type FailedPhase = 'discover' | 'execute' | null;

export interface NextState {
  state: StepState;
  failedPhase: FailedPhase;
}

/** States a step never leaves. Every other state is open: an incident closed over it needs --force. */
export const TERMINAL_STATES: readonly StepState[] = ['done', 'skipped'];

/** Words for a state, as cards and the report show them. */
export const STATE_LABELS: Readonly<Record<StepState, string>> = {
  pending: 'Pending',
  discovering: 'Discovering',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  executing: 'Executing',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  rejected: 'Rejected',
};

export function isOpenState(state: StepState): boolean {
  return !TERMINAL_STATES.includes(state);
}

type MachineStep = Pick<Step, 'kind' | 'state' | 'failedPhase'>;

const IN_FLIGHT: readonly StepState[] = ['discovering', 'approved', 'executing'];

/** What an event tries to do, for the sentence an illegal transition shows. */
const ATTEMPTS: Record<StepEvent['type'], string> = {
  begin_discovery: 'start discovering',
  discovered: 'finish discovering',
  approval_complete: 'be approved',
  begin_execution: 'start executing',
  executed: 'finish executing',
  fail: 'fail',
  reject: 'be rejected',
  skip: 'be skipped',
  mark_done: 'be marked done',
  retry: 'be retried',
};

/**
 * The step state machine of DESIGN.md §1 as one pure function: the state (and failed phase) a step
 * moves to on an event. An event the step's state does not allow throws a StateError whose code
 * says why (`step_not_awaiting_approval`, `step_in_flight`, …) and whose message a responder can read.
 */
export function nextState(step: MachineStep, event: StepEvent): NextState {
  if (step.state === 'done') throw refusal(step, event, 'step_already_done', 'This step is already done.');
  if (step.state === 'skipped')
    throw refusal(step, event, 'step_already_skipped', 'This step was already skipped.');
  return step.kind === 'manual' ? manualNext(step, event) : automatedNext(step, event);
}

function manualNext(step: MachineStep, event: StepEvent): NextState {
  if (event.type !== 'mark_done' && event.type !== 'skip') {
    throw refusal(step, event, 'step_is_manual', 'This is a manual step: mark it done or skip it.');
  }
  if (step.state !== 'pending') throw illegal(step, event);
  return to(event.type === 'mark_done' ? 'done' : 'skipped');
}

function automatedNext(step: MachineStep, event: StepEvent): NextState {
  const { state, failedPhase } = step;
  switch (event.type) {
    case 'begin_discovery':
      if (state === 'pending' || state === 'awaiting_approval' || state === 'rejected')
        return to('discovering');
      if (state === 'failed' && failedPhase === 'discover') return to('discovering');
      throw illegal(step, event);
    case 'discovered':
      if (state === 'discovering') return to('awaiting_approval');
      throw illegal(step, event);
    case 'approval_complete':
      if (state === 'awaiting_approval') return to('approved');
      throw notAwaiting(step, event);
    case 'begin_execution':
      if (state === 'approved' || (state === 'failed' && failedPhase === 'execute')) return to('executing');
      throw illegal(step, event);
    case 'executed':
      if (state === 'executing') return to('done');
      throw illegal(step, event);
    case 'fail':
      if (event.phase === 'discover' && state === 'discovering') return to('failed', 'discover');
      if (event.phase === 'execute' && state === 'executing') return to('failed', 'execute');
      throw illegal(step, event);
    case 'reject':
      if (state === 'awaiting_approval') return to('rejected');
      throw notAwaiting(step, event);
    case 'skip':
      if (IN_FLIGHT.includes(state)) {
        const doing = STATE_LABELS[state].toLowerCase();
        throw refusal(
          step,
          event,
          'step_in_flight',
          `This step is ${doing} right now; skip it once that finishes.`,
        );
      }
      return to('skipped');
    case 'mark_done':
      if (state !== 'awaiting_approval') throw notAwaiting(step, event);
      if (event.planIsEmpty) return to('done');
      throw refusal(
        step,
        event,
        'plan_not_empty',
        'This step has changes to make, so it cannot be marked done by hand; approve, reject or skip it.',
      );
    case 'retry':
      if (state !== 'failed') {
        throw refusal(
          step,
          event,
          'step_not_failed',
          `Only a failed step can be retried; this one is ${label(state)}.`,
        );
      }
      if (failedPhase === 'discover') return to('discovering');
      if (failedPhase === 'execute') return to('executing');
      throw illegal(step, event);
    default:
      return unreachable(event);
  }
}

function to(state: StepState, failedPhase: FailedPhase = null): NextState {
  return { state, failedPhase };
}

function label(state: StepState): string {
  return STATE_LABELS[state].toLowerCase();
}

function notAwaiting(step: MachineStep, event: StepEvent): StateError {
  const message = `This step is not waiting for approval; it is ${label(step.state)}.`;
  return refusal(step, event, 'step_not_awaiting_approval', message);
}

function illegal(step: MachineStep, event: StepEvent): StateError {
  const message = `A step that is ${label(step.state)} cannot ${ATTEMPTS[event.type]}.`;
  return refusal(step, event, 'illegal_transition', message);
}

function refusal(step: MachineStep, event: StepEvent, code: ErrorCode, message: string): StateError {
  return new StateError(code, message, {
    details: { kind: step.kind, state: step.state, failedPhase: step.failedPhase, event: event.type },
  });
}

function unreachable(event: never): never {
  throw new StateError('illegal_transition', `Unknown step event ${JSON.stringify(event)}.`);
}
