import type { ProviderHttp } from '../http/types.js';
import { pickBody } from './pick-body.js';
import { editableApi } from './resource-api.js';
import { outboundVoiceProfileSchema } from './schemas/outbound-profiles.js';

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

export type OutboundVoiceProfilesApi = ReturnType<typeof createOutboundVoiceProfilesApi>;

export function createOutboundVoiceProfilesApi(http: ProviderHttp) {
  return editableApi(
    http,
    '/outbound_voice_profiles',
    'outbound voice profile',
    outboundVoiceProfileSchema,
    (update: OutboundVoiceProfileUpdate) =>
      pickBody(update, [
        'name',
        'enabled',
        'daily_spend_limit',
        'daily_spend_limit_enabled',
        'max_destination_rate',
        'whitelisted_destinations',
        'concurrent_call_limit',
      ]),
  );
}
