import { z } from 'zod';
import { booleanDefault, nested, nullableBoolean, nullableString } from './common.js';

/**
 * `call_forwarding` of a number's voice settings. The spec: `call_forwarding_enabled` "Indicates if
 * call forwarding will be enabled for this number if forwards_to and forwarding_type are filled in"
 * (`default: true`); `forwarding_type` "'forwards_to' must be set for this to have an effect";
 * `forwards_to` "Inbound calls will not be forwarded if this field is left blank".
 */
export type CallForwarding = z.output<typeof callForwardingSchema>;
const callForwardingSchema = nested({
  call_forwarding_enabled: booleanDefault(true),
  /** `always` or `on-failure` in the spec; kept as a string so a new value does not fail a read. */
  forwarding_type: nullableString,
  forwards_to: nullableString,
});

/**
 * A number as `GET /phone_numbers/voice` and `/phone_numbers/{id}/voice` return it. The spec
 * requires none of its fields; without `phone_number` the card names the number by its id.
 */
export type NumberVoiceSettings = z.output<typeof numberVoiceSettingsSchema>;
export const numberVoiceSettingsSchema = z.object({
  id: z.string(),
  record_type: nullableString,
  phone_number: nullableString,
  connection_id: nullableString,
  translated_number: nullableString,
  call_forwarding: callForwardingSchema,
  call_recording: nested({ inbound_call_recording_enabled: nullableBoolean }),
});
