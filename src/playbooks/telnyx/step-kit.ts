import { ReclaimError } from '../../domain/errors.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { dispatchActions, type KindExecutor, namedWithId, paramReader } from '../kit/action-kit.js';
import type { ActionOutcome, AutomatedStepDefinition, PlaybookContext } from '../types.js';

/**
 * A planned action the Telnyx playbook could not carry out: `telnyx_unknown_action` (a kind this
 * step does not know, e.g. a plan from another release), `telnyx_bad_action_params` (a param the
 * executor needs is missing), or `telnyx_change_not_applied` (Telnyx accepted the write but the
 * resource it returned still shows the old state).
 */
export class TelnyxPlaybookError extends ReclaimError {}

export type TelnyxContext = PlaybookContext<TelnyxClient>;

/** Carries out one action of one kind; `recheck` as in `AutomatedStepDefinition.execute`. */
export type ActionExecutor = KindExecutor<TelnyxClient>;

/** An `execute` that hands each action to the executor of its kind. */
export function dispatchByKind(
  stepId: string,
  executors: Record<string, ActionExecutor>,
): AutomatedStepDefinition<TelnyxClient>['execute'] {
  return dispatchActions('telnyx', TelnyxPlaybookError, stepId, executors);
}

const params = paramReader('telnyx', TelnyxPlaybookError);
/** A string param the executor needs; a plan without it fails with a message naming it. */
export const stringParam = params.text;
export const optionalStringParam = params.optionalText;
export const optionalNumberParam = params.optionalNumber;

/**
 * The recheck rule of every action: with `recheck`, read the resource first and return what
 * `alreadyDone` says when the change is already there; otherwise write (one request).
 */
export async function writeUnlessDone(
  recheck: boolean,
  alreadyDone: () => Promise<ActionOutcome | undefined>,
  write: () => Promise<ActionOutcome>,
): Promise<ActionOutcome> {
  if (recheck) {
    const done = await alreadyDone();
    if (done) return done;
  }
  return write();
}

/** “Name” (id), the way every card names a Telnyx resource. */
export const named = namedWithId;

/** The summary of an empty plan: it always starts with "Nothing found". */
export function nothingFound(detail: string): string {
  return `Nothing found: ${detail}`;
}

/** `1 connection`, `3 connections`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
