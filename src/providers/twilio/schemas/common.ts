import { z } from 'zod';
import { nullableString } from '../../telnyx/schemas/common.js';

/**
 * Building blocks for the Twilio response schemas, the same ones the Telnyx schemas use: plain
 * `z.object`s drop every key they do not declare, which is how secrets Twilio returns in ordinary
 * reads (an account's `auth_token`, a subaccount's too) never reach a caller, a log or a card.
 * Every field the spec marks `nullable` becomes `null` when missing, so callers see one shape.
 */
export { nullableBoolean, nullableInt, nullableString, stringList } from '../../telnyx/schemas/common.js';

/** `price` is a number in the spec; some answers carry it as a decimal string. Either becomes a number. */
export const nullablePrice = z
  .union([z.number(), z.string().regex(/^-?[0-9]+(?:\.[0-9]+)?$/)])
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : Number(v)));

export const dates = { date_created: nullableString, date_updated: nullableString };

/**
 * A record with a SID, a name, `fields` and dates. The spec makes `sid` nullable; it is required
 * here: a record without one cannot be addressed, and is reported as unreadable.
 */
export function namedRecord<S extends z.ZodRawShape>(fields: S) {
  return z.object({ sid: z.string(), friendly_name: nullableString, ...fields, ...dates });
}
