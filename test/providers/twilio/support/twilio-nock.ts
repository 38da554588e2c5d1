import { Writable } from 'node:stream';
import nock from 'nock';
import {
  createTwilioClient,
  type TwilioClient,
  twilioConnector,
} from '../../../../src/providers/twilio/index.js';
import { createLimiterFactory } from '../../../../src/rate-limits/index.js';
import { createLogger } from '../../../../src/util/logger.js';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'f00dfeedc0ffee1234567890abcdef12';
export const API_ORIGIN = 'https://api.twilio.com';
export const ACCOUNTS_ORIGIN = 'https://accounts.twilio.com';
export const A = `/2010-04-01/Accounts/${ACCOUNT_SID}`;

export function basic(token = AUTH_TOKEN): string {
  return `Basic ${Buffer.from(`${ACCOUNT_SID}:${token}`).toString('base64')}`;
}

/**
 * The real client over the real `ProviderHttp` (limiter, retries, zod parsing) against
 * `api.twilio.com` and `accounts.twilio.com`, time scaled down (`timeUnitMs: 1`), every log line
 * captured at debug level, and a nock scope per host that insists on HTTP Basic with the token.
 */
export function twilioUnderNock(options: { timeoutMs?: number } = {}): {
  client: TwilioClient;
  api: nock.Scope;
  accounts: nock.Scope;
  logs: string[];
} {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const connect = twilioConnector({
    apiUrl: API_ORIGIN,
    ratePerSec: 1_000,
    timeUnitMs: 1,
    logger,
    limiters: createLimiterFactory({ timeUnitMs: 1, logger }),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const client = createTwilioClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, connect });
  const api = nock(API_ORIGIN, { reqheaders: { authorization: basic() } });
  const accounts = nock(ACCOUNTS_ORIGIN, { reqheaders: { authorization: basic() } });
  return { client, api, accounts, logs };
}

/** A 2010-04-01 page: `{ <key>: items, next_page_uri, … }`. */
export function page(key: string, items: unknown[], next: string | null, pageNumber = 0) {
  return {
    [key]: items,
    first_page_uri: `${A}/x.json?PageSize=1000&Page=0`,
    next_page_uri: next,
    previous_page_uri: null,
    page: pageNumber,
    page_size: 1000,
    start: pageNumber * 1000,
    end: pageNumber * 1000 + Math.max(0, items.length - 1),
    uri: `${A}/x.json?PageSize=1000&Page=${pageNumber}`,
  };
}

/** A SID of `prefix` whose 32 hex digits end in `n`. */
export function sid(prefix: string, n: number): string {
  return `${prefix}${n.toString(16).padStart(32, '0')}`;
}
