import { z } from 'zod';
import { nullableString, timestamps } from './common.js';

const pinShape = { external_pin: z.string().nullish() };

/**
 * A number as `GET /phone_numbers` and `/phone_numbers/{id}` return it (spec `PhoneNumberDetailed`).
 * The spec returns `external_pin`, the port-out PIN, in plain text to any API caller: it is never
 * kept, only whether one is set (`external_pin_set`).
 */
export type PhoneNumber = z.output<typeof phoneNumberSchema>;
export const phoneNumberSchema = z
  .object({
    id: z.string(),
    phone_number: nullableString,
    /** `active`, `port-out-pending`, `ported-out`, `deleted`, … (kept as a string: new values read). */
    status: nullableString,
    country_iso_alpha2: nullableString,
    // `updated_at` only: no step reads when a number was created, and 100,000 of them are 4 MB.
    updated_at: timestamps.updated_at,
    ...pinShape,
  })
  // An object literal of fixed fields, not a spread: one shape for 100,000 numbers is half the memory.
  .transform((n) => ({
    id: n.id,
    phone_number: n.phone_number,
    status: n.status,
    country_iso_alpha2: n.country_iso_alpha2,
    updated_at: n.updated_at,
    external_pin_set: (n.external_pin ?? '') !== '',
  }));

/** Whether a number's `external_pin` is exactly `pin`; the PIN itself is dropped on parse. */
export function pinIsSchema(pin: string): z.ZodType<boolean> {
  return z.object(pinShape).transform((n) => n.external_pin === pin);
}
