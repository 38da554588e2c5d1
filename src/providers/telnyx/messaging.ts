import type { ProviderHttp } from '../http/types.js';
import { pickBody } from './pick-body.js';
import { editableApi } from './resource-api.js';
import { resourcePath } from './resource-path.js';
import { messagingProfileSchema, secretRotationResponseSchema } from './schemas/messaging.js';

/**
 * `PATCH /messaging_profiles/{id}`: limits and webhooks. The spec also accepts `v1_secret`; it is
 * left out on purpose: the secret is changed only through `regenerateSecret`.
 */
export interface MessagingProfilePatch {
  enabled?: boolean;
  /** USD as a decimal string, e.g. `"50.00"` (spec pattern `^[0-9]+(?:\.[0-9]+)?$`). */
  daily_spend_limit?: string;
  daily_spend_limit_enabled?: boolean;
  whitelisted_destinations?: string[];
  webhook_url?: string | null;
  webhook_failover_url?: string | null;
}

export type MessagingProfilesApi = ReturnType<typeof createMessagingProfilesApi>;

export function createMessagingProfilesApi(http: ProviderHttp) {
  return {
    ...editableApi(
      http,
      '/messaging_profiles',
      'messaging profile',
      messagingProfileSchema,
      (patch: MessagingProfilePatch) =>
        pickBody(patch, [
          'enabled',
          'daily_spend_limit',
          'daily_spend_limit_enabled',
          'whitelisted_destinations',
          'webhook_url',
          'webhook_failover_url',
        ]),
    ),
    /**
     * `POST /messaging_profiles/{id}/actions/regenerate_secret` (no body). Telnyx answers with the
     * profile and its new `v1_secret`; the secret is discarded and only `secretRotated` says it came.
     */
    regenerateSecret: async (id: string) => {
      const res = await http.request({
        method: 'POST',
        path: resourcePath('/messaging_profiles', id, '/actions/regenerate_secret'),
        schema: secretRotationResponseSchema,
        operation: 'regenerate messaging profile secret',
      });
      return res.data;
    },
  };
}
