import { ProviderError } from '../http/provider-error.js';
import type { ProviderHttp } from '../http/types.js';
import { createAccountsApi, createAuthTokensApi } from './accounts.js';
import { createMonitorEventsApi, createOutgoingCallerIdsApi } from './audit-trail.js';
import { createGeoPermissionsApi } from './geo-permissions.js';
import { createIamKeysApi } from './iam-keys.js';
import { createKeysApi } from './keys.js';
import { createMessagingServicesApi } from './messaging-services.js';
import { createApplicationsApi, createIncomingPhoneNumbersApi } from './numbers.js';
import { checkedSid } from './sid.js';
import { createSipCredentialsApi, createSipIpAccessApi } from './sip.js';
import { createSipDomainsApi } from './sip-domains.js';
import type { TwilioConnect, TwilioCredentials, TwilioTransport } from './transport.js';
import { createSipTrunkingApi } from './trunking.js';
import { createUsageApi } from './usage.js';

/**
 * The resources of one account, addressed by its SID (`/2010-04-01/Accounts/{Sid}/…`, iam v1
 * `AccountSid=`): the client's own, or one of its subaccounts' (`subaccount`).
 */
export type TwilioAccountApis = Readonly<ReturnType<typeof accountApis>>;

function accountApis(api: ProviderHttp, iam: ProviderHttp, accountSid: string) {
  return {
    accountSid,
    keys: createKeysApi(api, accountSid),
    /** iam v1 `/v1/Keys`: every key, restricted ones included (which `keys` may not list). */
    iamKeys: createIamKeysApi(iam, accountSid),
    incomingPhoneNumbers: createIncomingPhoneNumbersApi(api, accountSid),
    applications: createApplicationsApi(api, accountSid),
    /** Verified caller IDs (`…/OutgoingCallerIds`). */
    outgoingCallerIds: createOutgoingCallerIdsApi(api, accountSid),
  };
}

/**
 * Typed calls to Twilio's 2010-04-01 REST API and accounts v1, one group per resource, each checked
 * against the official OpenAPI spec (docs/providers/twilio.md). Listings walk every page and parse each
 * record on its own (one that does not fit comes back in `unreadable`); no parsed object carries a
 * secret; the secrets Twilio returns once (a new API key's, a new Auth Token) are
 * handed to the caller and nowhere else.
 */
export type TwilioClient = Readonly<ReturnType<typeof createTwilioClient>>;

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** Builds the HTTP transport for a pair of credentials (`twilioConnector`). */
  connect: TwilioConnect;
}

export function createTwilioClient(options: TwilioClientOptions) {
  const accountSid = checkedSid('AC', options.accountSid, 'the configured account');
  let transport: TwilioTransport = options.connect({ accountSid, authToken: options.authToken });
  let changedAt: number | null = null;
  /**
   * The host's HTTP of the current transport. A request that was already under way with the
   * previous token when it was replaced, and that Twilio refused (401: not processed), is sent
   * once more with the new one.
   */
  const current = (host: keyof TwilioTransport): ProviderHttp => ({
    provider: 'twilio',
    async request(req) {
      const used = transport;
      try {
        return await used[host].request(req);
      } catch (err) {
        // Only a 401 says the credentials were refused; a 403 is a permission the token lacks.
        const refused = err instanceof ProviderError && err.status === 401;
        if (!refused || used === transport) throw err;
        return transport[host].request(req);
      }
    },
  });
  const api = current('api');
  const accounts = current('accounts');
  const iam = current('iam');
  return {
    /**
     * Authenticates every later request with `authToken`: after promoting a new Auth Token the old
     * one fails, so the client carries on with the new one.
     */
    useAuthToken(authToken: string): void {
      transport = options.connect({ accountSid, authToken });
      changedAt = Date.now();
    },
    /** When `useAuthToken` last switched the token (ms since the epoch), or null if it never has. */
    authTokenChangedAt: (): number | null => changedAt,
    accounts: createAccountsApi(api, accountSid),
    authTokens: createAuthTokensApi(accounts),
    ...accountApis(api, iam, accountSid),
    sipCredentials: createSipCredentialsApi(api, accountSid),
    sipIpAccess: createSipIpAccessApi(api, accountSid),
    usage: createUsageApi(api, accountSid),
    /** trunking v1: Elastic SIP trunks, their origination URLs and associated lists. */
    sipTrunking: createSipTrunkingApi(current('trunking')),
    sipDomains: createSipDomainsApi(api, accountSid),
    /** messaging v1 `/v1/Services`. */
    messagingServices: createMessagingServicesApi(current('messaging')),
    /** Voice dialing (voice v1) and messaging (accounts v1) geo permissions. */
    geoPermissions: createGeoPermissionsApi(current('voice'), accounts),
    /** monitor v1 `/v1/Events` of this account (the audit trail of Console and API changes). */
    monitorEvents: createMonitorEventsApi(current('monitor')),
    /**
     * Subaccount `sid`'s resources with this account's credentials, which act on its subaccounts'
     * (`/2010-04-01/Accounts/{SubSid}/…`).
     */
    subaccount: (sid: string): TwilioAccountApis =>
      accountApis(api, iam, checkedSid('AC', sid, 'address a subaccount')),
    /**
     * Accounts v1 Auth Tokens as another account (a subaccount, with its SID and current token):
     * accounts v1 has no account in its paths and acts on the account that authenticates.
     */
    authTokensAs: ({ accountSid: sid, authToken }: TwilioCredentials) =>
      createAuthTokensApi(
        options.connect({ accountSid: checkedSid('AC', sid, 'rotate an Auth Token'), authToken }).accounts,
      ),
  };
}
