import { ReclaimError } from '../../errors.js';
import type { PlannedAction } from '../../incidents/types.js';
import { ProviderError } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import type { ActionOutcome, AutomatedStepDefinition, PlaybookContext } from '../types.js';

/**
 * A planned action the Twilio playbook cannot carry out as stored: `twilio_unknown_action` (a kind
 * this step does not know, e.g. a plan from another release) or `twilio_bad_action_params`.
 */
export class TwilioPlaybookError extends ReclaimError {}

export type TwilioContext = PlaybookContext<TwilioClient>;

/** Carries out one action of one kind; `recheck` as in `AutomatedStepDefinition.execute`. */
export type TwilioExecutor = (
  ctx: TwilioContext,
  action: PlannedAction,
  recheck: boolean,
) => Promise<ActionOutcome>;

/** An `execute` that hands each action to the executor of its kind. */
export function dispatchTwilio(
  stepId: string,
  executors: Record<string, TwilioExecutor>,
): AutomatedStepDefinition<TwilioClient>['execute'] {
  return (ctx, action, { recheck }) => {
    const run = Object.hasOwn(executors, action.kind) ? executors[action.kind] : undefined;
    if (!run) {
      return Promise.reject(
        new TwilioPlaybookError(
          'twilio_unknown_action',
          `Step ${stepId} has no action "${action.kind}"; rediscover to get a plan this release can run.`,
          { details: { stepId, kind: action.kind, target: action.target } },
        ),
      );
    }
    return run(ctx, action, recheck);
  };
}

function badParam(action: PlannedAction, name: string, what: string): TwilioPlaybookError {
  return new TwilioPlaybookError(
    'twilio_bad_action_params',
    `The planned action "${action.description}" lacks ${what} "${name}"; rediscover to get a fresh plan.`,
    { details: { kind: action.kind, target: action.target, param: name } },
  );
}

/** A string param the executor needs; a plan without it fails with a message naming it. */
export function textParam(action: PlannedAction, name: string): string {
  const value = action.params[name];
  if (typeof value !== 'string') throw badParam(action, name, 'the text');
  return value;
}

export function textListParam(action: PlannedAction, name: string): string[] {
  const value = action.params[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw badParam(action, name, 'the list');
  }
  return value as string[];
}

/** Runs `write`; a 404 from Twilio means someone removed it first, which counts as done. */
export async function unlessGone(
  write: () => Promise<ActionOutcome>,
  gone: ActionOutcome,
): Promise<ActionOutcome> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ProviderError && err.code === 'provider_not_found') return gone;
    throw err;
  }
}

/** Whether `err` is a write whose outcome Twilio left unknown (timeout, 5xx after sending). */
export function outcomeUnknown(err: unknown): boolean {
  return err instanceof ProviderError && err.outcomeUnknown;
}

/** “Name” (SID), the way every card names a Twilio resource. */
export function titled(name: string | null | undefined, sid: string): string {
  const label = name && name.trim() !== '' ? name : 'unnamed';
  return `“${label}” (${sid})`;
}

/** The instant as the cards show it, from Twilio's RFC 2822 or ISO 8601: `2026-03-01 10:22 UTC`. */
export function shownTime(date: string | null | undefined): string {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(at)
    ? 'an unknown time'
    : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
