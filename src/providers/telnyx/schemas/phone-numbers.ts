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
    ...timestamps,
    ...pinShape,
  })
  .transform(({ external_pin, ...n }) => ({ ...n, external_pin_set: (external_pin ?? '') !== '' }));

/** Whether a number's `external_pin` is exactly `pin`; the PIN itself is dropped on parse. */
export function pinIsSchema(pin: string): z.ZodType<boolean> {
  return z.object(pinShape).transform((n) => n.external_pin === pin);
}
