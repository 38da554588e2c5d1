// API keys as iam v1 lists them (`iam.twilio.com/v1/Keys`): restricted keys included, which the 2010 listing may not show.
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAllV1 } from './pagination-v1.js';
import { noContent, send } from './request.js';
import { type IamApiKey, iamApiKeySchema } from './schemas/keys.js';
import { checkedSid } from './sid.js';

/**
 * `GET /v1/Keys?AccountSid=` (ListGetKeys; `AccountSid` is required) and `DELETE /v1/Keys/{Sid}`
 * (204). The listing adds `flags` to what the 2010 `Keys.json` gives, and lists the restricted keys
 * (`KeyType=restricted`, made through iam v1), which the 2010 listing may leave out.
 */
export interface IamKeysApi {
  list(): Promise<Listing<IamApiKey>>;
  delete(sid: string): Promise<void>;
}

const KEYS = '/v1/Keys';

export function createIamKeysApi(http: ProviderHttp, accountSid: string): IamKeysApi {
  return {
    list: async () =>
      listAllV1(http, {
        path: KEYS,
        key: 'keys',
        item: iamApiKeySchema,
        operation: 'list API keys (iam v1)',
        query: { AccountSid: accountSid },
      }),
    delete: async (sid) =>
      send(http, {
        method: 'DELETE',
        path: `${KEYS}/${checkedSid('SK', sid, 'delete API key (iam v1)')}`,
        operation: 'delete API key (iam v1)',
        schema: noContent,
      }),
  };
}
