import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, type FormValue, send } from './request.js';
import {
  type IncomingPhoneNumber,
  incomingPhoneNumberSchema,
  type TwimlApplication,
  twimlApplicationSchema,
} from './schemas/numbers.js';
import { checkedSid } from './sid.js';

/** The URL fields of `POST …/IncomingPhoneNumbers/{PN}.json`, by their spec names; null clears one. */
export interface IncomingPhoneNumberUrls {
  VoiceUrl?: string | null;
  VoiceFallbackUrl?: string | null;
  SmsUrl?: string | null;
  SmsFallbackUrl?: string | null;
  StatusCallback?: string | null;
}

/** The URL fields of `POST …/Applications/{AP}.json`, by their spec names; null clears one. */
export interface TwimlApplicationUrls extends IncomingPhoneNumberUrls {
  SmsStatusCallback?: string | null;
  MessageStatusCallback?: string | null;
}

export interface IncomingPhoneNumbersApi {
  list(): Promise<Listing<IncomingPhoneNumber>>;
  fetch(sid: string): Promise<IncomingPhoneNumber>;
  updateUrls(sid: string, urls: IncomingPhoneNumberUrls): Promise<IncomingPhoneNumber>;
}

export interface ApplicationsApi {
  list(): Promise<Listing<TwimlApplication>>;
  fetch(sid: string): Promise<TwimlApplication>;
  updateUrls(sid: string, urls: TwimlApplicationUrls): Promise<TwimlApplication>;
}

const NUMBER_FIELDS = ['VoiceUrl', 'VoiceFallbackUrl', 'SmsUrl', 'SmsFallbackUrl', 'StatusCallback'] as const;
const APP_FIELDS = [...NUMBER_FIELDS, 'SmsStatusCallback', 'MessageStatusCallback'] as const;

function pick(
  urls: Readonly<Record<string, FormValue>>,
  fields: readonly string[],
): Record<string, FormValue> {
  return Object.fromEntries(fields.filter((f) => urls[f] !== undefined).map((f) => [f, urls[f]]));
}

export function createIncomingPhoneNumbersApi(
  http: ProviderHttp,
  accountSid: string,
): IncomingPhoneNumbersApi {
  const base = `${accountPath(accountSid)}/IncomingPhoneNumbers`;
  const one = (sid: string, what: string) => `${base}/${checkedSid('PN', sid, what)}.json`;
  return {
    list: async () =>
      listAll(http, {
        path: `${base}.json`,
        key: 'incoming_phone_numbers',
        item: incomingPhoneNumberSchema,
        operation: 'list incoming phone numbers',
      }),
    fetch: async (sid) =>
      send(http, {
        method: 'GET',
        path: one(sid, 'fetch incoming phone number'),
        operation: 'fetch incoming phone number',
        schema: withRequestedId(incomingPhoneNumberSchema, 'sid', sid),
      }),
    updateUrls: async (sid, urls) =>
      send(http, {
        method: 'POST',
        path: one(sid, 'update incoming phone number'),
        operation: 'update incoming phone number',
        schema: withRequestedId(incomingPhoneNumberSchema, 'sid', sid),
        form: pick({ ...urls }, NUMBER_FIELDS),
      }),
  };
}

export function createApplicationsApi(http: ProviderHttp, accountSid: string): ApplicationsApi {
  const base = `${accountPath(accountSid)}/Applications`;
  const one = (sid: string, what: string) => `${base}/${checkedSid('AP', sid, what)}.json`;
  return {
    list: async () =>
      listAll(http, {
        path: `${base}.json`,
        key: 'applications',
        item: twimlApplicationSchema,
        operation: 'list TwiML applications',
      }),
    fetch: async (sid) =>
      send(http, {
        method: 'GET',
        path: one(sid, 'fetch TwiML application'),
        operation: 'fetch TwiML application',
        schema: withRequestedId(twimlApplicationSchema, 'sid', sid),
      }),
    updateUrls: async (sid, urls) =>
      send(http, {
        method: 'POST',
        path: one(sid, 'update TwiML application'),
        operation: 'update TwiML application',
        schema: withRequestedId(twimlApplicationSchema, 'sid', sid),
        form: pick({ ...urls }, APP_FIELDS),
      }),
  };
}
