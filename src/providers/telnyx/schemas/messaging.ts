import { z } from 'zod';
import { booleanDefault, nullableBoolean, nullableString, stringList } from './common.js';

/**
 * A messaging profile (spec tag "Profiles"). `v1_secret` is never kept: it is dropped on parse. The
 * spec requires no field; `enabled` ("Specifies whether the messaging profile is enabled or not")
 * has no default, so a profile that leaves it out is read as enabled: its limits are still judged.
 */
export interface MessagingProfile {
  id: string;
  record_type: string | null;
  name: string | null;
  enabled: boolean;
  webhook_url: string | null;
  webhook_failover_url: string | null;
  webhook_api_version: string | null;
  /** ISO 3166-1 alpha-2 codes; `["*"]` allows every destination. */
  whitelisted_destinations: string[];
  /** USD as a decimal string, e.g. `"100.00"`. */
  daily_spend_limit: string | null;
  daily_spend_limit_enabled: boolean | null;
  created_at: string | null;
  updated_at: string | null;
}

const messagingProfileShape = {
  id: z.string(),
  record_type: nullableString,
  name: nullableString,
  enabled: booleanDefault(true),
  webhook_url: nullableString,
  webhook_failover_url: nullableString,
  webhook_api_version: nullableString,
  whitelisted_destinations: stringList,
  daily_spend_limit: nullableString,
  daily_spend_limit_enabled: nullableBoolean,
  created_at: nullableString,
  updated_at: nullableString,
};

export const messagingProfileSchema: z.ZodType<MessagingProfile> = z.object(messagingProfileShape);

/** What `regenerateSecret` hands back: the profile without its secret, and whether a new one came back. */
export interface SecretRotation {
  profile: MessagingProfile;
  /** True when the response carried a non-empty `v1_secret`; the value itself is discarded. */
  secretRotated: boolean;
}

/**
 * The response of `POST /messaging_profiles/{id}/actions/regenerate_secret`: `{ data: profile }`
 * with the new `v1_secret`. The secret is read only to see that it is there, then dropped.
 */
export const secretRotationResponseSchema: z.ZodType<SecretRotation> = z
  .object({ data: z.object({ ...messagingProfileShape, v1_secret: z.string().nullish() }) })
  .transform(({ data }): SecretRotation => {
    const { v1_secret, ...profile } = data;
    return { profile, secretRotated: typeof v1_secret === 'string' && v1_secret.length > 0 };
  });
