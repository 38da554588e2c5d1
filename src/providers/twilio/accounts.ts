import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { noContent, send } from './request.js';
import {
  type AccountStatus,
  accountAuthTokenSchema,
  accountSchema,
  promotedAuthTokenSchema,
  secondaryAuthTokenSchema,
  type TwilioAccount,
} from './schemas/accounts.js';
import { checkedSid } from './sid.js';

/** The main account and its subaccounts (`/2010-04-01/Accounts`). */
export interface AccountsApi {
  /** The account itself, or a subaccount by SID. */
  fetch(sid?: string): Promise<TwilioAccount>;
  /** Every subaccount of this account, whatever its status (the main account left out). */
  listSubaccounts(): Promise<Listing<TwilioAccount>>;
  /** `Status=suspended` (reversible with `active`); `closed` is permanent (error 21479). */
  updateStatus(sid: string, status: AccountStatus): Promise<TwilioAccount>;
  /**
   * A subaccount's current Auth Token, which the parent reads in the subaccount's record (the only
   * read that returns it here): what `authTokensAs` needs to rotate it, as accounts v1 acts on the
   * account that authenticates. Never kept, logged or shown.
   */
  authTokenOf(sid: string): Promise<string>;
}

export function createAccountsApi(http: ProviderHttp, accountSid: string): AccountsApi {
  const path = (sid: string, what: string) => `/2010-04-01/Accounts/${checkedSid('AC', sid, what)}.json`;
  return {
    fetch: async (sid = accountSid) =>
      send(http, {
        method: 'GET',
        path: path(sid, 'fetch account'),
        operation: 'fetch account',
        schema: withRequestedId(accountSchema, 'sid', sid),
      }),
    listSubaccounts: async () => {
      const all = await listAll(http, {
        path: '/2010-04-01/Accounts.json',
        key: 'accounts',
        item: accountSchema,
        operation: 'list accounts',
      });
      return { ...all, items: all.items.filter((a) => a.sid !== accountSid) };
    },
    updateStatus: async (sid, status) =>
      send(http, {
        method: 'POST',
        path: path(sid, 'update account status'),
        operation: 'update account status',
        schema: withRequestedId(accountSchema, 'sid', sid),
        form: { Status: status },
      }),
    authTokenOf: async (sid) =>
      send(http, {
        method: 'GET',
        path: path(sid, 'read subaccount Auth Token'),
        operation: 'read subaccount Auth Token',
        schema: accountAuthTokenSchema,
      }),
  };
}

/**
 * Auth Token rotation on `accounts.twilio.com` (accounts v1): create a secondary token, promote it
 * to primary (the old primary stops working at once), or delete the secondary. No request has a
 * body; the tokens are in the answers only, and only returned here.
 */
export interface AuthTokensApi {
  createSecondary(): Promise<string>;
  /** 204; a 404 means there was none. */
  deleteSecondary(): Promise<void>;
  /** The token now primary, as Twilio returned it (null if the answer lacked it). */
  promote(): Promise<string | null>;
}

export function createAuthTokensApi(http: ProviderHttp): AuthTokensApi {
  return {
    createSecondary: async () =>
      send(http, {
        method: 'POST',
        path: '/v1/AuthTokens/Secondary',
        operation: 'create secondary Auth Token',
        schema: secondaryAuthTokenSchema,
      }),
    deleteSecondary: async () =>
      send(http, {
        method: 'DELETE',
        path: '/v1/AuthTokens/Secondary',
        operation: 'delete secondary Auth Token',
        schema: noContent,
      }),
    promote: async () =>
      send(http, {
        method: 'POST',
        path: '/v1/AuthTokens/Promote',
        operation: 'promote secondary Auth Token',
        schema: promotedAuthTokenSchema,
      }),
  };
}
