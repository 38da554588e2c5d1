import { z } from 'zod';
import { nullableBoolean, nullableString } from './common.js';

/**
 * `call_forwarding` of a number's voice settings. The spec: `call_forwarding_enabled` "Indicates if
 * call forwarding will be enabled for this number if forwards_to and forwarding_type are filled in"
 * (`default: true`); `forwarding_type` "'forwards_to' must be set for this to have an effect";
 * `forwards_to` "Inbound calls will not be forwarded if this field is left blank".
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

/**
 * A number as `GET /phone_numbers/voice` and `/phone_numbers/{id}/voice` return it. The spec
 * requires none of its fields; without `phone_number` the card names the number by its id.
 */
export interface NumberVoiceSettings {
  id: string;
  record_type: string | null;
  phone_number: string | null;
  connection_id: string | null;
  translated_number: string | null;
  call_forwarding: CallForwarding;
  call_recording: { inbound_call_recording_enabled: boolean | null };
}

export const numberVoiceSettingsSchema: z.ZodType<NumberVoiceSettings> = z.object({
  id: z.string(),
  record_type: nullableString,
  phone_number: nullableString,
  connection_id: nullableString,
  translated_number: nullableString,
  call_forwarding: callForwardingSchema,
  call_recording: z
    .object({ inbound_call_recording_enabled: nullableBoolean })
    .nullish()
    .transform((v) => ({ inbound_call_recording_enabled: v?.inbound_call_recording_enabled ?? null })),
});
