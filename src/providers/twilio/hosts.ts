/** The base URL of each Twilio host the client talks to. */
export interface TwilioBaseUrls {
  /** The 2010-04-01 REST API: `https://api.twilio.com`. */
  api: string;
  /** Accounts v1 (Auth Token rotation): `https://accounts.twilio.com`. */
  accounts: string;
  /** iam v1 (API keys, restricted ones included): `https://iam.twilio.com`. */
  iam: string;
  /** Elastic SIP Trunking v1 (`/v1/Trunks`): `https://trunking.twilio.com`. */
  trunking: string;
  /** Voice v1 (`/v1/DialingPermissions`): `https://voice.twilio.com`. */
  voice: string;
  /** Messaging v1 (`/v1/Services`): `https://messaging.twilio.com`. */
  messaging: string;
  /** Monitor v1 (`/v1/Events`, the account's audit events): `https://monitor.twilio.com`. */
  monitor: string;
}

/**
 * The hosts for a configured `TWILIO_API_URL`. For Twilio itself (`api.twilio.com`, or any
 * `api.<…>.twilio.com`), the accounts and iam APIs are on the sibling hosts `accounts.<…>` and
 * `iam.<…>` (and `trunking.`, `voice.`, `messaging.`). Any other URL (a proxy, the simulator on
 * 127.0.0.1) serves them all: their paths never collide, because the 2010 API lives under
 * `/2010-04-01/`, accounts v1 under `/v1/AuthTokens` and `/v1/Messaging`, iam v1 under `/v1/Keys`,
 * trunking under `/v1/Trunks`, voice under `/v1/DialingPermissions`, messaging under `/v1/Services`,
 * monitor under `/v1/Events`.
 */
export function twilioBaseUrls(apiUrl: string): TwilioBaseUrls {
  const api = apiUrl.replace(/\/+$/, '');
  const url = new URL(api);
  const same = { api, accounts: api, iam: api, trunking: api, voice: api, messaging: api, monitor: api };
  if (!/^api\.(?:[a-z0-9-]+\.)*twilio\.com$/i.test(url.hostname)) return same;
  const sibling = (name: string) => {
    const other = new URL(api);
    other.hostname = `${name}.${url.hostname.slice('api.'.length)}`;
    return other.origin;
  };
  const hosts = Object.keys(same).map((name) => [name, name === 'api' ? api : sibling(name)]);
  return Object.fromEntries(hosts) as typeof same;
}
