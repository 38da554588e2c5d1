import type { ProviderHttp } from '../http/types.js';
import { accountPath, send } from './request.js';
import { resource } from './resource.js';
import { apiKeySchema, newApiKeySchema } from './schemas/keys.js';

/** The account's API keys (`/2010-04-01/Accounts/{AC}/Keys`). Needs the Auth Token or a Main key. */
export type KeysApi = ReturnType<typeof createKeysApi>;

export function createKeysApi(http: ProviderHttp, accountSid: string) {
  const base = `${accountPath(accountSid)}/Keys`;
  const keys = resource(http, {
    base,
    key: 'keys',
    item: apiKeySchema,
    prefix: 'SK',
    noun: 'API key',
  });
  return {
    list: keys.list,
    /** A new Standard key; its secret is in the answer only, and only here. */
    create: async (friendlyName: string) =>
      send(http, {
        method: 'POST',
        path: `${base}.json`,
        operation: 'create API key',
        schema: newApiKeySchema,
        form: { FriendlyName: friendlyName },
      }),
    /** Revokes the key at once (204). */
    delete: keys.delete,
  };
}
