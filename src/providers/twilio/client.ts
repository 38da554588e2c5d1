import { ProviderError } from '../http/provider-error.js';
import type { ProviderHttp } from '../http/types.js';
import { type AccountsApi, type AuthTokensApi, createAccountsApi, createAuthTokensApi } from './accounts.js';
import {
  createMonitorEventsApi,
  createOutgoingCallerIdsApi,
  type MonitorEventsApi,
  type OutgoingCallerIdsApi,
} from './audit-trail.js';
import { createGeoPermissionsApi, type GeoPermissionsApi } from './geo-permissions.js';
import { createIamKeysApi, type IamKeysApi } from './iam-keys.js';
import { createKeysApi, type KeysApi } from './keys.js';
import { createMessagingServicesApi, type MessagingServicesApi } from './messaging-services.js';
import {
  type ApplicationsApi,
  createApplicationsApi,
  createIncomingPhoneNumbersApi,
  type IncomingPhoneNumbersApi,
} from './numbers.js';
import { checkedSid } from './sid.js';
import {
  createSipCredentialsApi,
  createSipIpAccessApi,
  type SipCredentialsApi,
  type SipIpAccessApi,
} from './sip.js';
import { createSipDomainsApi, type SipDomainsApi } from './sip-domains.js';
import type { TwilioConnect, TwilioCredentials, TwilioTransport } from './transport.js';
import { createSipTrunkingApi, type SipTrunkingApi } from './trunking.js';
import { createUsageApi, type UsageApi } from './usage.js';

/**
 * The resources of one account, addressed by its SID (`/2010-04-01/Accounts/{Sid}/…`, iam v1
 * `AccountSid=`): the client's own, or one of its subaccounts' (`subaccount`).
 */
export interface TwilioAccountApis {
  readonly accountSid: string;
  readonly keys: KeysApi;
  readonly iamKeys: IamKeysApi;
  readonly incomingPhoneNumbers: IncomingPhoneNumbersApi;
  readonly applications: ApplicationsApi;
  /** Verified caller IDs (`…/OutgoingCallerIds`). */
  readonly outgoingCallerIds: OutgoingCallerIdsApi;
}

function accountApis(api: ProviderHttp, iam: ProviderHttp, accountSid: string): TwilioAccountApis {
  return {
    accountSid,
    keys: createKeysApi(api, accountSid),
    iamKeys: createIamKeysApi(iam, accountSid),
    incomingPhoneNumbers: createIncomingPhoneNumbersApi(api, accountSid),
    applications: createApplicationsApi(api, accountSid),
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
export interface TwilioClient extends TwilioAccountApis {
  readonly accountSid: string;
  /**
   * Authenticates every later request with `authToken`: after promoting a new Auth Token the old
   * one fails, so the client carries on with the new one.
   */
  useAuthToken(authToken: string): void;
  /** When `useAuthToken` last switched the token (ms since the epoch), or null if it never has. */
  authTokenChangedAt(): number | null;
  readonly accounts: AccountsApi;
  readonly authTokens: AuthTokensApi;
  readonly keys: KeysApi;
  /** iam v1 `/v1/Keys`: every key, restricted ones included (which `keys` may not list). */
  readonly iamKeys: IamKeysApi;
  readonly sipCredentials: SipCredentialsApi;
  readonly sipIpAccess: SipIpAccessApi;
  readonly incomingPhoneNumbers: IncomingPhoneNumbersApi;
  readonly applications: ApplicationsApi;
  readonly usage: UsageApi;
  /** trunking v1: Elastic SIP trunks, their origination URLs and associated lists. */
  readonly sipTrunking: SipTrunkingApi;
  readonly sipDomains: SipDomainsApi;
  /** messaging v1 `/v1/Services`. */
  readonly messagingServices: MessagingServicesApi;
  /** Voice dialing (voice v1) and messaging (accounts v1) geo permissions. */
  readonly geoPermissions: GeoPermissionsApi;
  /** monitor v1 `/v1/Events` of this account (the audit trail of Console and API changes). */
  readonly monitorEvents: MonitorEventsApi;
  /**
   * Subaccount `sid`'s resources with this account's credentials, which act on its subaccounts'
   * (`/2010-04-01/Accounts/{SubSid}/…`).
   */
  subaccount(sid: string): TwilioAccountApis;
  /**
   * Accounts v1 Auth Tokens as another account (a subaccount, with its SID and current token):
   * accounts v1 has no account in its paths and acts on the account that authenticates.
   */
  authTokensAs(credentials: TwilioCredentials): AuthTokensApi;
}

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** Builds the HTTP transport for a pair of credentials (`twilioConnector`). */
  connect: TwilioConnect;
}

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const accountSid = checkedSid('AC', options.accountSid, 'the configured account');
  let transport: TwilioTransport = options.connect({ accountSid, authToken: options.authToken });
  let changedAt: number | null = null;
  /**
   * The host's HTTP of the current transport. A request that was already under way with the
   * previous token when it was replaced, and that Twilio refused (401: not processed), is sent
   * once more with the new one.
   */
  const current = (pick: (t: TwilioTransport) => ProviderHttp): ProviderHttp => ({
    provider: 'twilio',
    async request(req) {
      const used = transport;
      try {
        return await pick(used).request(req);
      } catch (err) {
        // Only a 401 says the credentials were refused; a 403 is a permission the token lacks.
        const refused = err instanceof ProviderError && err.status === 401;
        if (!refused || used === transport) throw err;
        return pick(transport).request(req);
      }
    },
  });
  const api = current((t) => t.api);
  const accounts = current((t) => t.accounts);
  const iam = current((t) => t.iam);
  return {
    useAuthToken(authToken) {
      transport = options.connect({ accountSid, authToken });
      changedAt = Date.now();
    },
    authTokenChangedAt: () => changedAt,
    accounts: createAccountsApi(api, accountSid),
    authTokens: createAuthTokensApi(accounts),
    ...accountApis(api, iam, accountSid),
    sipCredentials: createSipCredentialsApi(api, accountSid),
    sipIpAccess: createSipIpAccessApi(api, accountSid),
    usage: createUsageApi(api, accountSid),
    sipTrunking: createSipTrunkingApi(current((t) => t.trunking)),
    sipDomains: createSipDomainsApi(api, accountSid),
    messagingServices: createMessagingServicesApi(current((t) => t.messaging)),
    geoPermissions: createGeoPermissionsApi(
      current((t) => t.voice),
      accounts,
    ),
    monitorEvents: createMonitorEventsApi(current((t) => t.monitor)),
    subaccount: (sid) => accountApis(api, iam, checkedSid('AC', sid, 'address a subaccount')),
    authTokensAs: ({ accountSid: sid, authToken }) =>
      createAuthTokensApi(
        options.connect({ accountSid: checkedSid('AC', sid, 'rotate an Auth Token'), authToken }).accounts,
      ),
  };
}
