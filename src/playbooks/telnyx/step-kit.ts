import { ReclaimError } from '../../errors.js';
import type { PlannedAction } from '../../incidents/types.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
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
export type ActionExecutor = (
  ctx: TelnyxContext,
  action: PlannedAction,
  recheck: boolean,
) => Promise<ActionOutcome>;

/** An `execute` that hands each action to the executor of its kind. */
export function dispatchByKind(
  stepId: string,
  executors: Record<string, ActionExecutor>,
): AutomatedStepDefinition<TelnyxClient>['execute'] {
  return (ctx, action, { recheck }) => {
    const run = Object.hasOwn(executors, action.kind) ? executors[action.kind] : undefined;
    if (!run) {
      return Promise.reject(
        new TelnyxPlaybookError(
          'telnyx_unknown_action',
          `Step ${stepId} has no action "${action.kind}"; rediscover to get a plan this release can run.`,
          { details: { stepId, kind: action.kind, target: action.target } },
        ),
      );
    }
    return run(ctx, action, recheck);
  };
}

function badParam(action: PlannedAction, name: string, what: string): TelnyxPlaybookError {
  return new TelnyxPlaybookError(
    'telnyx_bad_action_params',
    `The planned action "${action.description}" lacks ${what} "${name}"; rediscover to get a fresh plan.`,
    { details: { kind: action.kind, target: action.target, param: name } },
  );
}

/** A string param the executor needs; a plan without it fails with a message naming it. */
export function stringParam(action: PlannedAction, name: string): string {
  const value = action.params[name];
  if (typeof value !== 'string') throw badParam(action, name, 'the text');
  return value;
}

export function optionalStringParam(action: PlannedAction, name: string): string | null {
  const value = action.params[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badParam(action, name, 'the text');
  return value;
}

export function optionalNumberParam(action: PlannedAction, name: string): number | null {
  const value = action.params[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badParam(action, name, 'the number');
  return value;
}

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
export function named(name: string | null | undefined, id: string): string {
  const label = name && name.trim() !== '' ? name : 'unnamed';
  return `“${label}” (${id})`;
}

/** The summary of an empty plan: it always starts with "Nothing found". */
export function nothingFound(detail: string): string {
  return `Nothing found: ${detail}`;
}

/** `1 connection`, `3 connections`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
