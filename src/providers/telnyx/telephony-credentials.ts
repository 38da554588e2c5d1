import type { ProviderHttp } from '../http/types.js';
import { byId, listDeleteApi } from './resource-api.js';
import { telephonyCredentialSchema } from './schemas/connections.js';

export interface TelephonyCredentialFilter {
  /** `connection:<id>` for the credentials of one credential connection (`filter[resource_id]`). */
  resourceId?: string;
}

/** On-demand SIP credentials (`/telephony_credentials`); `sip_password` never leaves the parser. */
export type TelephonyCredentialsApi = ReturnType<typeof createTelephonyCredentialsApi>;

export function createTelephonyCredentialsApi(http: ProviderHttp) {
  const path = '/telephony_credentials';
  const item = telephonyCredentialSchema;
  return {
    ...listDeleteApi(http, path, 'telephony credential', item, (filter?: TelephonyCredentialFilter) => ({
      'filter[resource_id]': filter?.resourceId,
    })),
    /**
     * `PATCH /telephony_credentials/{id}` `{ expires_at }` (ISO 8601): the spec's only way to make a
     * credential stop working without deleting it. Its password cannot be changed: the spec's update
     * request has `connection_id`, `expires_at`, `name` and `tag` only.
     */
    expire: async (id: string, at: Date) =>
      byId(http, path, item)('PATCH', id, 'expire telephony credential', { expires_at: at.toISOString() }),
  };
}
