import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { resourcePath } from './resource-path.js';
import {
  type AccessAttempt,
  type AllowedIp,
  accessAttemptSchema,
  allowedIpSchema,
} from './schemas/access-settings.js';
import { noContent, resultList, resultRecords } from './schemas/common.js';

/** How many recent access attempts to read; the spec's default is 20 and it names no maximum. */
export const SENDGRID_ACTIVITY_LIMIT = 100;

export interface AccessSettingsApi {
  /** `GET /v3/access_settings/activity?limit=`: recent sign-ins and API calls, newest first. */
  listActivity(limit?: number): Promise<Listing<AccessAttempt>>;
  /** `GET /v3/access_settings/whitelist`: the allow list (empty: IP Access Management is off). */
  listAllowed(): Promise<Listing<AllowedIp>>;
  /** `POST /v3/access_settings/whitelist` `{ ips: [{ ip }] }` (201): the entries as created. */
  addAllowed(ips: string[]): Promise<AllowedIp[]>;
  /** `DELETE /v3/access_settings/whitelist/{rule_id}` (204). */
  removeAllowed(ruleId: number): Promise<void>;
}

const ALLOW_LIST = '/v3/access_settings/whitelist';

export function createAccessSettingsApi(http: ProviderHttp): AccessSettingsApi {
  return {
    async listActivity(limit = SENDGRID_ACTIVITY_LIMIT) {
      const res = await http.request({
        method: 'GET',
        path: '/v3/access_settings/activity',
        query: { limit },
        schema: resultRecords(accessAttemptSchema, {
          provider: http.provider,
          operation: 'list recent access attempts',
          idKeys: ['ip'],
        }),
        operation: 'list recent access attempts',
      });
      return res.data.result;
    },
    async listAllowed() {
      const res = await http.request({
        method: 'GET',
        path: ALLOW_LIST,
        schema: resultRecords(allowedIpSchema, {
          provider: http.provider,
          operation: 'list allowed IPs',
          idKeys: ['id'],
        }),
        operation: 'list allowed IPs',
      });
      return res.data.result;
    },
    async addAllowed(ips) {
      const res = await http.request({
        method: 'POST',
        path: ALLOW_LIST,
        body: { json: { ips: ips.map((ip) => ({ ip })) } },
        schema: resultList(allowedIpSchema),
        operation: 'add allowed IPs',
      });
      return res.data.result;
    },
    async removeAllowed(ruleId) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(ALLOW_LIST, ruleId),
        schema: noContent,
        operation: 'remove allowed IP',
      });
    },
  };
}
