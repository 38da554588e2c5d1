import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { pickBody } from './pick-body.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import {
  type MessagingProfile,
  messagingProfileSchema,
  type SecretRotation,
  secretRotationResponseSchema,
} from './schemas/messaging.js';

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

const PATCH_KEYS = [
  'enabled',
  'daily_spend_limit',
  'daily_spend_limit_enabled',
  'whitelisted_destinations',
  'webhook_url',
  'webhook_failover_url',
] as const;

export interface MessagingProfilesApi {
  list(): Promise<Listing<MessagingProfile>>;
  get(id: string): Promise<MessagingProfile>;
  update(id: string, patch: MessagingProfilePatch): Promise<MessagingProfile>;
  /**
   * `POST /messaging_profiles/{id}/actions/regenerate_secret` (no body). Telnyx answers with the
   * profile and its new `v1_secret`; the secret is discarded and only `secretRotated` says it came.
   */
  regenerateSecret(id: string): Promise<SecretRotation>;
}

export function createMessagingProfilesApi(http: ProviderHttp): MessagingProfilesApi {
  const item = messagingProfileSchema;
  return {
    list: () => listAll(http, { path: '/messaging_profiles', operation: 'list messaging profiles', item }),
    get: async (id) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/messaging_profiles', id),
        operation: 'get messaging profile',
        item,
        id,
      }),
    update: async (id, patch) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/messaging_profiles', id),
        operation: 'update messaging profile',
        item,
        id,
        body: pickBody(patch, PATCH_KEYS),
      }),
    regenerateSecret: async (id) => {
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
