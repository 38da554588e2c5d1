import { createHash } from 'node:crypto';
import {
  createLimiterFactory,
  createProviderHttp,
  type ProviderHttp,
  type ProviderHttpOptions,
} from '../http/index.js';
import { twilioBaseUrls } from './hosts.js';

/** One `ProviderHttp` per Twilio host, both with the same credentials and the same limiter. */
export interface TwilioTransport {
  api: ProviderHttp;
  accounts: ProviderHttp;
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** Builds the transport for a pair of credentials; called again when the Auth Token changes. */
export type TwilioConnect = (credentials: TwilioCredentials) => TwilioTransport;

export type TwilioConnectOptions = Omit<ProviderHttpOptions, 'provider' | 'account' | 'baseUrl' | 'auth'> & {
  /** `TWILIO_API_URL`; the accounts host is derived from it (`twilioBaseUrls`). */
  apiUrl: string;
};

/** The limiter scope of an account: a hash prefix of its SID (`twilio:<12 hex>`). */
export function twilioAccountKey(accountSid: string): string {
  return createHash('sha256').update(accountSid).digest('hex').slice(0, 12);
}

/**
 * HTTP Basic `AccountSid:AuthToken` to both hosts. Every transport it builds shares one limiter
 * factory and the account's key, so the two hosts, and the transport built after a token rotation,
 * keep one pace for the account together.
 */
export function twilioConnector(options: TwilioConnectOptions): TwilioConnect {
  const { apiUrl, ...shared } = options;
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
      account: twilioAccountKey(accountSid),
      auth: { basic: { username: accountSid, password: authToken } },
    };
    return {
      api: createProviderHttp({ ...base, baseUrl: urls.api }),
      accounts: createProviderHttp({ ...base, baseUrl: urls.accounts }),
    };
  };
}
