import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import { type TelephonyCredential, telephonyCredentialSchema } from './schemas/connections.js';

export interface TelephonyCredentialFilter {
  /** `connection:<id>` for the credentials of one credential connection (`filter[resource_id]`). */
  resourceId?: string;
}

/** On-demand SIP credentials (`/telephony_credentials`); `sip_password` never leaves the parser. */
export interface TelephonyCredentialsApi {
  list(filter?: TelephonyCredentialFilter): Promise<Listing<TelephonyCredential>>;
  /** `DELETE /telephony_credentials/{id}` answers 200 with the deleted credential, returned here. */
  delete(id: string): Promise<TelephonyCredential>;
  /**
   * `PATCH /telephony_credentials/{id}` `{ expires_at }` (ISO 8601): the spec's only way to make a
   * credential stop working without deleting it. Its password cannot be changed: the spec's update
   * request has `connection_id`, `expires_at`, `name` and `tag` only.
   */
  expire(id: string, at: Date): Promise<TelephonyCredential>;
}

export function createTelephonyCredentialsApi(http: ProviderHttp): TelephonyCredentialsApi {
  const item = telephonyCredentialSchema;
  return {
    list: (filter = {}) =>
      listAll(http, {
        path: '/telephony_credentials',
        operation: 'list telephony credentials',
        item,
        query: { 'filter[resource_id]': filter.resourceId },
      }),
    delete: async (id) =>
      requestData(http, {
        method: 'DELETE',
        path: resourcePath('/telephony_credentials', id),
        operation: 'delete telephony credential',
        item,
        id,
      }),
    expire: async (id, at) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/telephony_credentials', id),
        operation: 'expire telephony credential',
        item,
        id,
        body: { expires_at: at.toISOString() },
      }),
  };
}
