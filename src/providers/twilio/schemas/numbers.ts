import { z } from 'zod';
import { dates, namedRecord, nullableBoolean, nullableString } from './common.js';

/**
 * An incoming phone number (`PN…`) and where its calls and messages go. Every field is nullable in
 * the spec; `sid` is required here (see `namedRecord`), `phone_number` may be null (the card then
 * names the number by its SID).
 */
export const incomingPhoneNumberSchema = z.object({
  sid: z.string(),
  phone_number: nullableString,
  friendly_name: nullableString,
  /** Ignored by Twilio while `voice_application_sid` or `trunk_sid` is set. */
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  voice_application_sid: nullableString,
  /** Ignored by Twilio while `sms_application_sid` is set. */
  sms_url: nullableString,
  sms_fallback_url: nullableString,
  sms_application_sid: nullableString,
  status_callback: nullableString,
  trunk_sid: nullableString,
  ...dates,
});
export type IncomingPhoneNumber = z.output<typeof incomingPhoneNumberSchema>;

/** A TwiML application (`AP…`): the URLs Twilio fetches for the numbers that use it. */
export const twimlApplicationSchema = namedRecord({
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  sms_url: nullableString,
  sms_fallback_url: nullableString,
  status_callback: nullableString,
  sms_status_callback: nullableString,
  message_status_callback: nullableString,
  public_application_connect_enabled: nullableBoolean,
});
export type TwimlApplication = z.output<typeof twimlApplicationSchema>;
