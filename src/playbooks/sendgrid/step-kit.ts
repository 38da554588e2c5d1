import type { z } from 'zod';
import { ReclaimError } from '../../domain/errors.js';
import type { PlannedAction } from '../../domain/types.js';
import { ProviderError } from '../../providers/http/index.js';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import { dispatchActions, type KindExecutor } from '../kit/action-kit.js';
import type { ActionOutcome, AutomatedStepDefinition, PlaybookContext } from '../types.js';

export { nothingFound, plural, writeUnlessDone } from '../telnyx/step-kit.js';

/**
 * A planned action the SendGrid playbook will not carry out: `sendgrid_unknown_action` (a kind
 * this step does not know), `sendgrid_bad_action_params` (a stored plan missing a value),
 * `sendgrid_own_key` (a plan that would delete Reclaim's own key), `sendgrid_lockout_guard` (a
 * removal from the allow list while the responders' addresses are not on it).
 */
export class SendgridPlaybookError extends ReclaimError {}

export type SendgridContext = PlaybookContext<SendgridClient>;

/** Carries out one action of one kind; `recheck` as in `AutomatedStepDefinition.execute`. */
export type SendgridExecutor = KindExecutor<SendgridClient>;

/** An `execute` that hands each action to the executor of its kind. */
export function executeByKind(
  stepId: string,
  executors: Record<string, SendgridExecutor>,
): AutomatedStepDefinition<SendgridClient>['execute'] {
  return dispatchActions('sendgrid', SendgridPlaybookError, stepId, executors);
}

/** The action's params read with `schema`; a stored plan that does not fit names the first field. */
export function paramsOf<T>(action: PlannedAction, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(action.params);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.join('.') || 'params';
  throw new SendgridPlaybookError(
    'sendgrid_bad_action_params',
    `The planned action "${action.description}" lacks a valid "${field}"; rediscover to get a fresh plan.`,
    { details: { kind: action.kind, target: action.target, param: field } },
  );
}

/** A 404 from SendGrid: the thing is already gone, which is what a removal wanted. */
export function isGone(err: unknown): boolean {
  return err instanceof ProviderError && err.code === 'provider_not_found';
}

/** Runs a removal; a 404 means someone removed it first, which counts as done. */
export async function removeOrGone(
  remove: () => Promise<unknown>,
  done: ActionOutcome,
): Promise<ActionOutcome> {
  try {
    await remove();
    return done;
  } catch (err) {
    if (isGone(err)) return { result: { ...done.result, note: 'already gone' } };
    throw err;
  }
}

/** `“name”`, the way cards quote a SendGrid name; `unnamed` when there is none. */
export function quoted(name: string | null | undefined): string {
  return `“${name && name.trim() !== '' ? name : 'unnamed'}”`;
}

/**
 * The owner's sign-in address (`GET /v3/user/email`), whose domain counts as the operator's; null
 * when the key may not read it (401/403) or SendGrid has none, so discovery goes on without it.
 */
export async function readOwnerEmail(ctx: SendgridContext): Promise<string | null> {
  try {
    return await ctx.client.user.email();
  } catch (err) {
    if (
      err instanceof ProviderError &&
      (err.code === 'provider_auth_failed' || err.code === 'provider_not_found')
    ) {
      ctx.logger.warn({ code: err.code }, 'could not read the SendGrid account email');
      return null;
    }
    throw err;
  }
}
