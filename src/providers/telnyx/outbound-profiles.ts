import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { pickBody } from './pick-body.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import { type OutboundVoiceProfile, outboundVoiceProfileSchema } from './schemas/outbound-profiles.js';

/**
 * `PATCH /outbound_voice_profiles/{id}`. The spec requires `name` (at least 3 characters) on every
 * update. `enabled: false` blocks outbound calls on every connection linked to the profile.
 */
export interface OutboundVoiceProfileUpdate {
  name: string;
  enabled?: boolean;
  /** USD per day as a decimal string, e.g. `"50.00"`. */
  daily_spend_limit?: string;
  daily_spend_limit_enabled?: boolean;
  /** USD per minute. */
  max_destination_rate?: number;
  /** ISO 3166-1 alpha-2 codes. */
  whitelisted_destinations?: string[];
  /** Null removes the limit. */
  concurrent_call_limit?: number | null;
}

export interface OutboundVoiceProfilesApi {
  list(): Promise<Listing<OutboundVoiceProfile>>;
  get(id: string): Promise<OutboundVoiceProfile>;
  update(id: string, update: OutboundVoiceProfileUpdate): Promise<OutboundVoiceProfile>;
}

export function createOutboundVoiceProfilesApi(http: ProviderHttp): OutboundVoiceProfilesApi {
  const item = outboundVoiceProfileSchema;
  return {
    list: () =>
      listAll(http, { path: '/outbound_voice_profiles', operation: 'list outbound voice profiles', item }),
    get: async (id) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/outbound_voice_profiles', id),
        operation: 'get outbound voice profile',
        item,
        id,
      }),
    update: async (id, update) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/outbound_voice_profiles', id),
        operation: 'update outbound voice profile',
        item,
        id,
        body: pickBody(update, [
          'name',
          'enabled',
          'daily_spend_limit',
          'daily_spend_limit_enabled',
          'max_destination_rate',
          'whitelisted_destinations',
          'concurrent_call_limit',
        ]),
      }),
  };
}
