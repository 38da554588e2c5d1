import { z } from 'zod';
import { booleanDefault, nullableBoolean, nullableString, stringList, timestamps } from './common.js';

const messagingProfileShape = {
  id: z.string(),
  record_type: nullableString,
  name: nullableString,
  enabled: booleanDefault(true),
  webhook_url: nullableString,
  webhook_failover_url: nullableString,
  webhook_api_version: nullableString,
  /** ISO 3166-1 alpha-2 codes; `["*"]` allows every destination. */
  whitelisted_destinations: stringList,
  /** USD as a decimal string, e.g. `"100.00"`. */
  daily_spend_limit: nullableString,
  daily_spend_limit_enabled: nullableBoolean,
  ...timestamps,
};

/**
 * A messaging profile (spec tag "Profiles"). `v1_secret` is never kept: it is dropped on parse. The
 * spec requires no field; `enabled` ("Specifies whether the messaging profile is enabled or not")
 * has no default, so a profile that leaves it out is read as enabled: its limits are still judged.
 */
export type MessagingProfile = z.output<typeof messagingProfileSchema>;
export const messagingProfileSchema = z.object(messagingProfileShape);

/**
 * The response of `POST /messaging_profiles/{id}/actions/regenerate_secret`: `{ data: profile }`
 * with the new `v1_secret`. The secret is read only to see that it is there, then dropped.
 */
export const secretRotationResponseSchema = z
  .object({ data: z.object({ ...messagingProfileShape, v1_secret: z.string().nullish() }) })
  .transform(({ data }) => {
    const { v1_secret, ...profile } = data;
    return {
      profile,
      /** True when the response carried a non-empty `v1_secret`; the value itself is discarded. */
      secretRotated: typeof v1_secret === 'string' && v1_secret.length > 0,
    };
  });

/** What `regenerateSecret` hands back: the profile without its secret, and whether a new one came back. */
export type SecretRotation = z.output<typeof secretRotationResponseSchema>;
