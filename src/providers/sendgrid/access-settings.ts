import type { ProviderHttp } from '../http/types.js';
import { call, deleteById, getResults } from './requests.js';
import { accessAttemptSchema, allowedIpSchema } from './schemas/access-settings.js';
import { resultList } from './schemas/common.js';

/** How many recent access attempts to read; the spec's default is 20 and it names no maximum. */
export const SENDGRID_ACTIVITY_LIMIT = 100;

export type AccessSettingsApi = ReturnType<typeof createAccessSettingsApi>;

const ACTIVITY = '/v3/access_settings/activity';
const ALLOW_LIST = '/v3/access_settings/whitelist';

export function createAccessSettingsApi(http: ProviderHttp) {
  return {
    /** `GET /v3/access_settings/activity?limit=`: recent sign-ins and API calls, newest first. */
    listActivity: (limit = SENDGRID_ACTIVITY_LIMIT) =>
      getResults(http, ACTIVITY, 'list recent access attempts', accessAttemptSchema, ['ip'], { limit }),
    /** `GET /v3/access_settings/whitelist`: the allow list (empty: IP Access Management is off). */
    listAllowed: () => getResults(http, ALLOW_LIST, 'list allowed IPs', allowedIpSchema, ['id']),
    /** `POST /v3/access_settings/whitelist` `{ ips: [{ ip }] }` (201): the entries as created. */
    async addAllowed(ips: string[]) {
      const body = { json: { ips: ips.map((ip) => ({ ip })) } };
      const schema = resultList(allowedIpSchema);
      return (
        await call(http, { method: 'POST', path: ALLOW_LIST, body, schema, operation: 'add allowed IPs' })
      ).result;
    },
    /** `DELETE /v3/access_settings/whitelist/{rule_id}` (204). */
    removeAllowed: (ruleId: number) => deleteById(http, ALLOW_LIST, ruleId, 'remove allowed IP'),
  };
}
