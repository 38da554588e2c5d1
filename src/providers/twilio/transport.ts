import { createHash } from 'node:crypto';
import { createLimiterFactory } from '../../rate-limits/index.js';
import { createProviderHttp, type ProviderHttp, type ProviderHttpOptions } from '../http/index.js';
import { type TwilioBaseUrls, twilioBaseUrls } from './hosts.js';

/** One `ProviderHttp` per Twilio host, all with the same credentials and the same limiter. */
export type TwilioTransport = Record<keyof TwilioBaseUrls, ProviderHttp>;

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** Builds the transport for a pair of credentials; called again when the Auth Token changes. */
export type TwilioConnect = (credentials: TwilioCredentials) => TwilioTransport;

export type TwilioConnectOptions = Omit<ProviderHttpOptions, 'provider' | 'account' | 'baseUrl' | 'auth'> & {
  /** `TWILIO_API_URL`; the accounts host is derived from it (`twilioBaseUrls`). */
  apiUrl: string;
  /** The limiter scope (a connection label); default `twilioAccountKey` of the SID. */
  account?: string;
};

/** The limiter scope of an account: a hash prefix of its SID (`twilio:<12 hex>`). */
export function twilioAccountKey(accountSid: string): string {
  return createHash('sha256').update(accountSid).digest('hex').slice(0, 12);
}

/**
 * HTTP Basic `AccountSid:AuthToken` to every host. Every transport it builds shares one limiter
 * factory and the account's key, so the hosts, and the transport built after a token rotation,
 * keep one pace for the account together.
 */
export function twilioConnector(options: TwilioConnectOptions): TwilioConnect {
  const { apiUrl, account, ...shared } = options;
  const urls = twilioBaseUrls(apiUrl);
  const limiters =
    shared.limiters ??
    createLimiterFactory({
      logger: shared.logger,
      ...(shared.timeUnitMs ? { timeUnitMs: shared.timeUnitMs } : {}),
    });
  return ({ accountSid, authToken }) => {
    const base = {
      ...shared,
      limiters,
      provider: 'twilio',
      account: account ?? twilioAccountKey(accountSid),
      auth: { basic: { username: accountSid, password: authToken } },
    };
    const http = Object.entries(urls).map(([host, baseUrl]) => [
      host,
      createProviderHttp({ ...base, baseUrl }),
    ]);
    return Object.fromEntries(http) as TwilioTransport;
  };
}
