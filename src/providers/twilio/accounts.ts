import type { z } from 'zod';
import type { ProviderHttp } from '../http/types.js';
import { noContent, send } from './request.js';
import { resource } from './resource.js';
import {
  type AccountStatus,
  accountAuthTokenSchema,
  accountSchema,
  promotedAuthTokenSchema,
  secondaryAuthTokenSchema,
} from './schemas/accounts.js';
import { checkedSid } from './sid.js';

/** The main account and its subaccounts (`/2010-04-01/Accounts`). */
export type AccountsApi = ReturnType<typeof createAccountsApi>;

export function createAccountsApi(http: ProviderHttp, accountSid: string) {
  const accounts = resource(http, {
    base: '/2010-04-01/Accounts',
    key: 'accounts',
    item: accountSchema,
    prefix: 'AC',
    noun: 'account',
    operations: { update: 'update account status' },
  });
  return {
    /** The account itself, or a subaccount by SID. */
    fetch: async (sid: string = accountSid) => accounts.fetch(sid),
    /** Every subaccount of this account, whatever its status (the main account left out). */
    listSubaccounts: async () => {
      const all = await accounts.list();
      return { ...all, items: all.items.filter((a) => a.sid !== accountSid) };
    },
    /** `Status=suspended` (reversible with `active`); `closed` is permanent (error 21479). */
    updateStatus: async (sid: string, status: AccountStatus) => accounts.update(sid, { Status: status }),
    /**
     * A subaccount's current Auth Token, which the parent reads in the subaccount's record (the only
     * read that returns it here): what `authTokensAs` needs to rotate it, as accounts v1 acts on the
     * account that authenticates. Never kept, logged or shown.
     */
    authTokenOf: async (sid: string) =>
      send(http, {
        method: 'GET',
        path: `/2010-04-01/Accounts/${checkedSid('AC', sid, 'read subaccount Auth Token')}.json`,
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
export type AuthTokensApi = ReturnType<typeof createAuthTokensApi>;

export function createAuthTokensApi(http: ProviderHttp) {
  const token = <T>(method: 'POST' | 'DELETE', path: string, operation: string, schema: z.ZodType<T>) =>
    send(http, { method, path: `/v1/AuthTokens/${path}`, operation, schema });
  return {
    createSecondary: async () =>
      token('POST', 'Secondary', 'create secondary Auth Token', secondaryAuthTokenSchema),
    /** 204; a 404 means there was none. */
    deleteSecondary: async () => token('DELETE', 'Secondary', 'delete secondary Auth Token', noContent),
    /** The token now primary, as Twilio returned it (null if the answer lacked it). */
    promote: async () => token('POST', 'Promote', 'promote secondary Auth Token', promotedAuthTokenSchema),
  };
}
