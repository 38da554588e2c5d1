// API keys as iam v1 lists them (`iam.twilio.com/v1/Keys`): restricted keys included, which the 2010 listing may not show.
import type { ProviderHttp } from '../http/types.js';
import { resource } from './resource.js';
import { iamApiKeySchema } from './schemas/keys.js';

/**
 * `GET /v1/Keys?AccountSid=` (ListGetKeys; `AccountSid` is required) and `DELETE /v1/Keys/{Sid}`
 * (204). The listing adds `flags` to what the 2010 `Keys.json` gives, and lists the restricted keys
 * (`KeyType=restricted`, made through iam v1), which the 2010 listing may leave out.
 */
export type IamKeysApi = ReturnType<typeof createIamKeysApi>;

export function createIamKeysApi(http: ProviderHttp, accountSid: string) {
  const { list, delete: remove } = resource(http, {
    base: '/v1/Keys',
    v1: true,
    key: 'keys',
    item: iamApiKeySchema,
    prefix: 'SK',
    noun: 'API key',
    operations: { list: 'list API keys (iam v1)', delete: 'delete API key (iam v1)' },
    query: { AccountSid: accountSid },
  });
  return { list, delete: remove };
}
