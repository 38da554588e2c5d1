import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, noContent, send } from './request.js';
import { type ApiKey, apiKeySchema, type NewApiKey, newApiKeySchema } from './schemas/keys.js';
import { checkedSid } from './sid.js';

/** The account's API keys (`/2010-04-01/Accounts/{AC}/Keys`). Needs the Auth Token or a Main key. */
export interface KeysApi {
  list(): Promise<Listing<ApiKey>>;
  /** A new Standard key; its secret is in the answer only, and only here. */
  create(friendlyName: string): Promise<NewApiKey>;
  /** Revokes the key at once (204). */
  delete(sid: string): Promise<void>;
}

export function createKeysApi(http: ProviderHttp, accountSid: string): KeysApi {
  const base = `${accountPath(accountSid)}/Keys`;
  return {
    list: async () =>
      listAll(http, { path: `${base}.json`, key: 'keys', item: apiKeySchema, operation: 'list API keys' }),
    create: async (friendlyName) =>
      send(http, {
        method: 'POST',
        path: `${base}.json`,
        operation: 'create API key',
        schema: newApiKeySchema,
        form: { FriendlyName: friendlyName },
      }),
    delete: async (sid) =>
      send(http, {
        method: 'DELETE',
        path: `${base}/${checkedSid('SK', sid, 'delete API key')}.json`,
        operation: 'delete API key',
        schema: noContent,
      }),
  };
}
