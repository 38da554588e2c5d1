import { z } from 'zod';
import {
  booleanDefault,
  nullableBoolean,
  nullableInt,
  nullableNumber,
  nullableString,
  stringList,
} from './common.js';

/**
 * An outbound voice profile: the spend and destination limits of the connections linked to it.
 * `name` is the one field the spec requires (and every PATCH must resend it); `enabled` has
 * `default: true` in the spec.
 */
export interface OutboundVoiceProfile {
  id: string;
  record_type: string | null;
  name: string;
  enabled: boolean;
  /** USD per day as a decimal string, e.g. `"100.00"`. */
  daily_spend_limit: string | null;
  daily_spend_limit_enabled: boolean | null;
  /** USD per minute; null means no cap. */
  max_destination_rate: number | null;
  /** ISO 3166-1 alpha-2 codes. */
  whitelisted_destinations: string[];
  /** Null means no limit. */
  concurrent_call_limit: number | null;
  created_at: string | null;
  updated_at: string | null;
}

export const outboundVoiceProfileSchema: z.ZodType<OutboundVoiceProfile> = z.object({
  id: z.string(),
  record_type: nullableString,
  name: z.string(),
  enabled: booleanDefault(true),
  daily_spend_limit: nullableString,
  daily_spend_limit_enabled: nullableBoolean,
  max_destination_rate: nullableNumber,
  whitelisted_destinations: stringList,
  concurrent_call_limit: nullableInt,
  created_at: nullableString,
  updated_at: nullableString,
});
