import { z } from 'zod';
import { nullableString } from './common.js';

/**
 * A number as `GET /phone_numbers` and `/phone_numbers/{id}` return it (spec `PhoneNumberDetailed`).
 * The spec returns `external_pin`, the port-out PIN, in plain text to any API caller: it is never
 * kept, only whether one is set (`external_pin_set`).
 */
export interface PhoneNumber {
  id: string;
  phone_number: string | null;
  /** `active`, `port-out-pending`, `ported-out`, `deleted`, … (kept as a string: new values read). */
  status: string | null;
  country_iso_alpha2: string | null;
  external_pin_set: boolean;
  created_at: string | null;
  updated_at: string | null;
}

const pinShape = { external_pin: z.string().nullish() };

export const phoneNumberSchema: z.ZodType<PhoneNumber> = z
  .object({
    id: z.string(),
    phone_number: nullableString,
    status: nullableString,
    country_iso_alpha2: nullableString,
    created_at: nullableString,
    updated_at: nullableString,
    ...pinShape,
  })
  .transform(({ external_pin, ...n }) => ({ ...n, external_pin_set: (external_pin ?? '') !== '' }));

/** Whether a number's `external_pin` is exactly `pin`; the PIN itself is dropped on parse. */
export function pinIsSchema(pin: string): z.ZodType<boolean> {
  return z.object(pinShape).transform((n) => n.external_pin === pin);
}
