import { z } from 'zod';
import { nullableBoolean, nullableString, stringList } from './common.js';

/** A number as `GET /phone_numbers` lists it. `external_pin` (the port-out PIN) is dropped on parse. */
export interface PhoneNumber {
  id: string;
  record_type: string | null;
  phone_number: string;
  status: string | null;
  phone_number_type: string | null;
  country_iso_alpha2: string | null;
  connection_id: string | null;
  connection_name: string | null;
  messaging_profile_id: string | null;
  call_forwarding_enabled: boolean | null;
  tags: string[];
  purchased_at: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export const phoneNumberSchema: z.ZodType<PhoneNumber> = z.object({
  id: z.string(),
  record_type: nullableString,
  phone_number: z.string(),
  status: nullableString,
  phone_number_type: nullableString,
  country_iso_alpha2: nullableString,
  connection_id: nullableString,
  connection_name: nullableString,
  messaging_profile_id: nullableString,
  call_forwarding_enabled: nullableBoolean,
  tags: stringList,
  purchased_at: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});

/**
 * `call_forwarding` of a number's voice settings. Per the spec, calls are forwarded only when
 * `forwards_to` is non-blank, and `call_forwarding_enabled` defaults to true when absent.
 */
export interface CallForwarding {
  call_forwarding_enabled: boolean;
  /** `always` or `on-failure` in the spec; kept as a string so a new value does not fail a read. */
  forwarding_type: string | null;
  forwards_to: string | null;
}

const callForwardingSchema = z
  .object({
    call_forwarding_enabled: z.boolean().nullish(),
    forwarding_type: nullableString,
    forwards_to: nullableString,
  })
  .nullish()
  .transform(
    (v): CallForwarding => ({
      call_forwarding_enabled: v?.call_forwarding_enabled ?? true,
      forwarding_type: v?.forwarding_type ?? null,
      forwards_to: v?.forwards_to ?? null,
    }),
  );

/** A number as `GET /phone_numbers/voice` and `/phone_numbers/{id}/voice` return it. */
export interface NumberVoiceSettings {
  id: string;
  record_type: string | null;
  phone_number: string;
  connection_id: string | null;
  translated_number: string | null;
  call_forwarding: CallForwarding;
  call_recording: { inbound_call_recording_enabled: boolean | null };
}

export const numberVoiceSettingsSchema: z.ZodType<NumberVoiceSettings> = z.object({
  id: z.string(),
  record_type: nullableString,
  phone_number: z.string(),
  connection_id: nullableString,
  translated_number: nullableString,
  call_forwarding: callForwardingSchema,
  call_recording: z
    .object({ inbound_call_recording_enabled: nullableBoolean })
    .nullish()
    .transform((v) => ({ inbound_call_recording_enabled: v?.inbound_call_recording_enabled ?? null })),
});
