import type { ProviderHttp } from '../http/types.js';
import { accountPath } from './request.js';
import { type UrlsOf, urlResource } from './resource.js';
import { incomingPhoneNumberSchema, twimlApplicationSchema } from './schemas/numbers.js';

const NUMBER_FIELDS = ['VoiceUrl', 'VoiceFallbackUrl', 'SmsUrl', 'SmsFallbackUrl', 'StatusCallback'] as const;
const APP_FIELDS = [...NUMBER_FIELDS, 'SmsStatusCallback', 'MessageStatusCallback'] as const;

/** The URL fields of `POST …/IncomingPhoneNumbers/{PN}.json`, by their spec names; null clears one. */
export type IncomingPhoneNumberUrls = UrlsOf<typeof NUMBER_FIELDS>;

/** The URL fields of `POST …/Applications/{AP}.json`, by their spec names; null clears one. */
export type TwimlApplicationUrls = UrlsOf<typeof APP_FIELDS>;

export type IncomingPhoneNumbersApi = ReturnType<typeof createIncomingPhoneNumbersApi>;
export type ApplicationsApi = ReturnType<typeof createApplicationsApi>;

export function createIncomingPhoneNumbersApi(http: ProviderHttp, accountSid: string) {
  return urlResource(http, {
    base: `${accountPath(accountSid)}/IncomingPhoneNumbers`,
    key: 'incoming_phone_numbers',
    item: incomingPhoneNumberSchema,
    prefix: 'PN',
    noun: 'incoming phone number',
    fields: NUMBER_FIELDS,
  });
}

export function createApplicationsApi(http: ProviderHttp, accountSid: string) {
  return urlResource(http, {
    base: `${accountPath(accountSid)}/Applications`,
    key: 'applications',
    item: twimlApplicationSchema,
    prefix: 'AP',
    noun: 'TwiML application',
    fields: APP_FIELDS,
  });
}
