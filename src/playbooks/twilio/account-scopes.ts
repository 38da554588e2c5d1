// The main account and the subaccounts it keeps: the steps that act on an account's own resources
// (API keys, number webhooks, TwiML apps, caller IDs) read and change each of them.
import type { Finding, PlannedAction } from '../../domain/types.js';
import { ProviderError, type UnreadableRecord } from '../../providers/http/index.js';
import type { TwilioAccount, TwilioClient } from '../../providers/twilio/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { findingOf } from '../kit/judge-resource.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableFinding } from '../kit/unreadable.js';
import type { PlaybookContext } from '../types.js';
import { TWILIO_CONSOLE } from './manual-steps.js';

type TwilioContext = PlaybookContext<TwilioClient>;

/**
 * Whether the suspend step plans to suspend subaccount `a`: still active and created in the
 * incident window. Every other active subaccount is kept, and cleaned like the main account.
 */
export function suspendsSubaccount(a: TwilioAccount, trust: Trust): boolean {
  return a.status === 'active' && suspendsIfActive(a, trust);
}

/**
 * The suspend step's rule without its status condition: created in the incident window, so the
 * checklist suspends it whenever it is active (what Restore asks before reactivating one).
 */
export function suspendsIfActive(a: TwilioAccount, trust: Trust): boolean {
  return trust.inWindow(a.date_created, 'created') !== undefined;
}

/**
 * The subaccounts the incident keeps: active, and not created in the window; and the subaccount
 * records that could not be read (a person must look: their resources are not cleaned).
 */
export async function keptSubaccounts(
  ctx: TwilioContext,
): Promise<{ kept: TwilioAccount[]; unreadable: UnreadableRecord[] }> {
  const trust = trustOf(ctx);
  const { items, unreadable } = await ctx.client.accounts.listSubaccounts();
  return { kept: items.filter((a) => a.status === 'active' && !suspendsSubaccount(a, trust)), unreadable };
}

/** One account a step works on: the main one (`sub` null) or a kept subaccount. */
export interface AccountScope {
  /** The client, its account's own resources (keys, numbers, apps, caller IDs) addressed to this account. */
  apis: TwilioClient;
  sub: TwilioAccount | null;
}

/**
 * `client` with the resources of one account (`TwilioAccountApis`) addressed to subaccount `sid`,
 * through the parent's credentials; everything else as it was. The main account's when `sid` is null.
 */
export function clientFor(client: TwilioClient, sid: string | null): TwilioClient {
  return sid === null ? client : { ...client, ...client.subaccount(sid) };
}

/** `subaccount “Acme staging” (AC…)`, how a card names a subaccount. */
export function subaccountLabel(sub: TwilioAccount): string {
  return `subaccount ${namedWithId(sub.friendly_name, sub.sid)}`;
}

/**
 * The scope's words in front of a finding: `In subaccount “Acme staging”: ` or nothing. The SID is
 * left to the action (a card clips a finding at 120 characters, and the resource's own SID comes first).
 */
export function scopePrefix(scope: AccountScope): string {
  if (!scope.sub) return '';
  const name = scope.sub.friendly_name?.trim() ? `“${scope.sub.friendly_name}”` : scope.sub.sid;
  return `In subaccount ${name}: `;
}

/**
 * `action` in `scope`: a subaccount's carries `account` (its SID), which tells `apisFor` where to
 * send it, and its description starts with the subaccount. The main account's stays as it always was.
 */
export function inScope(scope: AccountScope, action: PlannedAction): PlannedAction {
  if (!scope.sub) return action;
  return {
    ...action,
    params: { ...action.params, account: scope.sub.sid },
    // First, with its SID: a card clips a plan line, and the account is what tells two alike apart.
    description: `In ${subaccountLabel(scope.sub)}: ${action.description}`,
  };
}

/** The account an action addresses: the subaccount its `account` names, else the main account. */
export function apisFor(client: TwilioClient, action: PlannedAction): TwilioClient {
  const account = action.params.account;
  return clientFor(client, typeof account === 'string' ? account : null);
}

/** The main account, then each kept subaccount. */
export async function accountScopes(
  ctx: TwilioContext,
): Promise<{ scopes: AccountScope[]; unreadable: UnreadableRecord[] }> {
  const { kept, unreadable } = await keptSubaccounts(ctx);
  const scopes = [
    { apis: ctx.client, sub: null },
    ...kept.map((sub) => ({ apis: clientFor(ctx.client, sub.sid), sub })),
  ];
  return { scopes, unreadable };
}

/**
 * `read` of every scope. The main account's failure fails the discovery; a subaccount that
 * refuses (401/403/404) becomes a finding for a person, so the rest is still cleaned.
 */
export async function readEachScope<T>(
  ctx: TwilioContext,
  what: string,
  read: (scope: AccountScope) => Promise<T>,
): Promise<{ read: { scope: AccountScope; value: T }[]; refused: Finding[] }> {
  const out: { scope: AccountScope; value: T }[] = [];
  const { scopes, unreadable } = await accountScopes(ctx);
  // A subaccount record that could not be read: its resources are not reached, and a person is told.
  const refused: Finding[] = unreadable.map(unreadableFinding);
  for (const scope of scopes) {
    try {
      out.push({ scope, value: await read(scope) });
    } catch (err) {
      const status = err instanceof ProviderError ? (err.status ?? 0) : 0;
      if (!scope.sub || ![401, 403, 404].includes(status)) throw err;
      refused.push(
        findingOf({
          resource: scope.sub.sid,
          summary: `The ${what} of ${subaccountLabel(scope.sub)} could not be read (Twilio answered ${status})`,
          reasons: [`review them in the Console (${TWILIO_CONSOLE}), switched to that subaccount`],
        }),
      );
    }
  }
  return { read: out, refused };
}
