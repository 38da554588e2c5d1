// Which account a simulated request authenticates as, and which account's records it acts on:
// the main account's, or a subaccount's (its own credentials, or the parent's on its path).

import { emptyAccountState, type TwilioAccountState } from './account.js';
import type { SimAccount } from './account-state.js';
import { emptySubaccountResources, type SimSubaccountResources } from './identity-state.js';

/** A subaccount's own resources, made empty the first time they are asked for. */
export function resourcesOf(state: TwilioAccountState, sid: string): SimSubaccountResources {
  state.identity.subaccounts[sid] ??= emptySubaccountResources();
  return state.identity.subaccounts[sid];
}

/**
 * HTTP Basic `AccountSid:AuthToken`, the primary or the secondary token: the main account, or an
 * active subaccount with its own token. Undefined when neither matches (401).
 */
export function authenticatedAs(
  state: TwilioAccountState,
  authorization: string | undefined,
): SimAccount | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const pair = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  if (colon <= 0) return undefined;
  const user = pair.slice(0, colon);
  const password = pair.slice(colon + 1);
  if (user === state.account.sid) {
    return [state.account.auth_token, state.secondaryAuthToken?.token].includes(password)
      ? state.account
      : undefined;
  }
  const sub = state.subaccounts.find((a) => a.sid === user && a.status === 'active');
  if (!sub) return undefined;
  const secondary = state.identity.subaccounts[sub.sid]?.secondaryAuthToken?.token;
  return [sub.auth_token, secondary].includes(password) ? sub : undefined;
}

/**
 * The state a subaccount's request works on: its account, its own keys, numbers, apps and caller
 * IDs (the same arrays, so writes land in the saved state), nothing else. Its secondary token is
 * read and written through to its resources.
 */
function subaccountState(state: TwilioAccountState, sub: SimAccount): TwilioAccountState {
  const own = resourcesOf(state, sub.sid);
  const view: TwilioAccountState = {
    ...emptyAccountState(sub, state.random),
    keys: own.keys,
    incomingPhoneNumbers: own.incomingPhoneNumbers,
    applications: own.applications,
    identity: { subaccounts: {}, outgoingCallerIds: own.outgoingCallerIds, events: [] },
  };
  Object.defineProperty(view, 'secondaryAuthToken', {
    enumerable: true,
    get: () => own.secondaryAuthToken,
    set: (token: SimSubaccountResources['secondaryAuthToken']) => {
      own.secondaryAuthToken = token;
    },
  });
  return view;
}

/**
 * The state a request acts on. `addressed` is the account its path (or iam's `AccountSid=`) names,
 * undefined for the paths that act on whoever authenticates (accounts v1, monitor v1). The main
 * account may address itself and its subaccounts; a subaccount only itself. Undefined: another
 * account's path (404, as Twilio answers).
 */
export function actingState(
  state: TwilioAccountState,
  caller: SimAccount,
  addressed: string | undefined,
): TwilioAccountState | undefined {
  const sid = addressed ?? caller.sid;
  if (caller === state.account) {
    if (sid === state.account.sid) return state;
    const sub = state.subaccounts.find((a) => a.sid === sid);
    return sub ? subaccountState(state, sub) : undefined;
  }
  return sid === caller.sid ? subaccountState(state, caller) : undefined;
}
