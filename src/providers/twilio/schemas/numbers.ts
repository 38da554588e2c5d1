import { z } from 'zod';
import { nullableBoolean, nullableString } from './common.js';

/**
 * An incoming phone number (`PN…`) and where its calls and messages go. Every field is nullable in
 * the spec; `sid` is required here (see `TwilioAccount`), `phone_number` may be null (the card then
 * names the number by its SID).
 */
export interface IncomingPhoneNumber {
  sid: string;
  phone_number: string | null;
  friendly_name: string | null;
  /** Ignored by Twilio while `voice_application_sid` or `trunk_sid` is set. */
  voice_url: string | null;
  voice_fallback_url: string | null;
  voice_application_sid: string | null;
  /** Ignored by Twilio while `sms_application_sid` is set. */
  sms_url: string | null;
  sms_fallback_url: string | null;
  sms_application_sid: string | null;
  status_callback: string | null;
  trunk_sid: string | null;
  date_created: string | null;
  date_updated: string | null;
}

export const incomingPhoneNumberSchema: z.ZodType<IncomingPhoneNumber> = z.object({
  sid: z.string(),
  phone_number: nullableString,
  friendly_name: nullableString,
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  voice_application_sid: nullableString,
  sms_url: nullableString,
  sms_fallback_url: nullableString,
  sms_application_sid: nullableString,
  status_callback: nullableString,
  trunk_sid: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});

/** A TwiML application (`AP…`): the URLs Twilio fetches for the numbers that use it. */
export interface TwimlApplication {
  sid: string;
  friendly_name: string | null;
  voice_url: string | null;
  voice_fallback_url: string | null;
  sms_url: string | null;
  sms_fallback_url: string | null;
  status_callback: string | null;
  sms_status_callback: string | null;
  message_status_callback: string | null;
  public_application_connect_enabled: boolean | null;
  date_created: string | null;
  date_updated: string | null;
}

export const twimlApplicationSchema: z.ZodType<TwimlApplication> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  voice_url: nullableString,
  voice_fallback_url: nullableString,
  sms_url: nullableString,
  sms_fallback_url: nullableString,
  status_callback: nullableString,
  sms_status_callback: nullableString,
  message_status_callback: nullableString,
  public_application_connect_enabled: nullableBoolean,
  date_created: nullableString,
  date_updated: nullableString,
});
