import { z } from 'zod';
import {
  booleanDefault,
  nullableBoolean,
  nullableInt,
  nullableNumber,
  nullableString,
  stringList,
  timestamps,
} from './common.js';

/**
 * An outbound voice profile: the spend and destination limits of the connections linked to it.
 * `name` is the one field the spec requires (and every PATCH must resend it); `enabled` has
 * `default: true` in the spec.
 */
export type OutboundVoiceProfile = z.output<typeof outboundVoiceProfileSchema>;
export const outboundVoiceProfileSchema = z.object({
  id: z.string(),
  record_type: nullableString,
  name: z.string(),
  enabled: booleanDefault(true),
  /** USD per day as a decimal string, e.g. `"100.00"`. */
  daily_spend_limit: nullableString,
  daily_spend_limit_enabled: nullableBoolean,
  /** USD per minute; null means no cap. */
  max_destination_rate: nullableNumber,
  /** ISO 3166-1 alpha-2 codes. */
  whitelisted_destinations: stringList,
  /** Null means no limit. */
  concurrent_call_limit: nullableInt,
  ...timestamps,
});
