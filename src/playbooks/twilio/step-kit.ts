import { ReclaimError } from '../../domain/errors.js';
import { ProviderError } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { dispatchActions, type KindExecutor, namedWithId, paramReader } from '../kit/action-kit.js';
import type { ActionOutcome, AutomatedStepDefinition, PlaybookContext } from '../types.js';

/**
 * A planned action the Twilio playbook cannot carry out as stored: `twilio_unknown_action` (a kind
 * this step does not know, e.g. a plan from another release) or `twilio_bad_action_params`.
 */
export class TwilioPlaybookError extends ReclaimError {}

export type TwilioContext = PlaybookContext<TwilioClient>;

/** Carries out one action of one kind; `recheck` as in `AutomatedStepDefinition.execute`. */
export type TwilioExecutor = KindExecutor<TwilioClient>;

/** An `execute` that hands each action to the executor of its kind. */
export function dispatchTwilio(
  stepId: string,
  executors: Record<string, TwilioExecutor>,
): AutomatedStepDefinition<TwilioClient>['execute'] {
  return dispatchActions('twilio', TwilioPlaybookError, stepId, executors);
}

const params = paramReader('twilio', TwilioPlaybookError);
/** A string param the executor needs; a plan without it fails with a message naming it. */
export const textParam = params.text;
export const textListParam = params.textList;

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
export const titled = namedWithId;

/** The instant as the cards show it, from Twilio's RFC 2822 or ISO 8601: `2026-03-01 10:22 UTC`. */
export function shownTime(date: string | null | undefined): string {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(at)
    ? 'an unknown time'
    : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
