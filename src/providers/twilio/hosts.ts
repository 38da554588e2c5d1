/** The base URL of each Twilio host the client talks to. */
export interface TwilioBaseUrls {
  /** The 2010-04-01 REST API: `https://api.twilio.com`. */
  api: string;
  /** Accounts v1 (Auth Token rotation): `https://accounts.twilio.com`. */
  accounts: string;
}

/**
 * The hosts for a configured `TWILIO_API_URL`. For Twilio itself (`api.twilio.com`, or any
 * `api.<…>.twilio.com`), the accounts API is on the sibling host `accounts.<…>`. Any other URL (a
 * proxy, the simulator on 127.0.0.1) serves both: their paths never collide, because the 2010 API
 * lives under `/2010-04-01/` and accounts v1 under `/v1/`.
 */
export function twilioBaseUrls(apiUrl: string): TwilioBaseUrls {
  const api = apiUrl.replace(/\/+$/, '');
  const url = new URL(api);
  if (/^api\.(?:[a-z0-9-]+\.)*twilio\.com$/i.test(url.hostname)) {
    url.hostname = `accounts.${url.hostname.slice('api.'.length)}`;
    return { api, accounts: url.origin };
  }
  return { api, accounts: api };
}
