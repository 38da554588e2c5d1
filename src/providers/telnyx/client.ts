import type { ProviderHttp } from '../http/types.js';
import { type AccountAccessApis, createAccountAccessApis } from './account-access.js';
import {
  type CallControlApplicationsApi,
  createCallControlApplicationsApi,
  createTexmlApplicationsApi,
  type TexmlApplicationsApi,
} from './applications.js';
import { type AuditEventsApi, createAuditEventsApi } from './audit-events.js';
import { type BillingApi, createBillingApi } from './billing.js';
import { createFqdnsApi, createIpsApi, type FqdnsApi, type IpsApi } from './connection-addresses.js';
import {
  type CredentialConnectionsApi,
  createCredentialConnectionsApi,
  createFqdnConnectionsApi,
  createIpConnectionsApi,
  type FqdnConnectionsApi,
  type IpConnectionsApi,
} from './connections.js';
import { createMessagingProfilesApi, type MessagingProfilesApi } from './messaging.js';
import { createNumberVoiceSettingsApi, type NumberVoiceSettingsApi } from './numbers.js';
import { createOutboundVoiceProfilesApi, type OutboundVoiceProfilesApi } from './outbound-profiles.js';
import { createPhoneNumbersApi, type PhoneNumbersApi } from './phone-numbers.js';
import { createPhoneNumbersJobsApi, type PhoneNumbersJobsApi } from './phone-numbers-jobs.js';
import { createTelephonyCredentialsApi, type TelephonyCredentialsApi } from './telephony-credentials.js';

/**
 * Typed calls to Telnyx API v2, one group per resource, each checked against the official OpenAPI
 * spec (docs/providers/telnyx.md). Listings walk every page and parse each record on its own (one that does
 * not fit comes back in `unreadable`, named); every write returns the object as Telnyx stored it; no
 * parsed object carries a secret. The `http` given decides base URL, auth,
 * rate limit and retries.
 */
export interface TelnyxClient extends AccountAccessApis {
  readonly credentialConnections: CredentialConnectionsApi;
  readonly telephonyCredentials: TelephonyCredentialsApi;
  readonly ipConnections: IpConnectionsApi;
  readonly ips: IpsApi;
  readonly fqdnConnections: FqdnConnectionsApi;
  readonly fqdns: FqdnsApi;
  readonly messagingProfiles: MessagingProfilesApi;
  readonly numberVoiceSettings: NumberVoiceSettingsApi;
  readonly callControlApplications: CallControlApplicationsApi;
  readonly texmlApplications: TexmlApplicationsApi;
  readonly outboundVoiceProfiles: OutboundVoiceProfilesApi;
  readonly auditEvents: AuditEventsApi;
  readonly phoneNumbers: PhoneNumbersApi;
  readonly phoneNumbersJobs: PhoneNumbersJobsApi;
  readonly billing: BillingApi;
}

export function createTelnyxClient(http: ProviderHttp): TelnyxClient {
  return {
    ...createAccountAccessApis(http),
    credentialConnections: createCredentialConnectionsApi(http),
    telephonyCredentials: createTelephonyCredentialsApi(http),
    ipConnections: createIpConnectionsApi(http),
    ips: createIpsApi(http),
    fqdnConnections: createFqdnConnectionsApi(http),
    fqdns: createFqdnsApi(http),
    messagingProfiles: createMessagingProfilesApi(http),
    numberVoiceSettings: createNumberVoiceSettingsApi(http),
    callControlApplications: createCallControlApplicationsApi(http),
    texmlApplications: createTexmlApplicationsApi(http),
    outboundVoiceProfiles: createOutboundVoiceProfilesApi(http),
    auditEvents: createAuditEventsApi(http),
    phoneNumbers: createPhoneNumbersApi(http),
    phoneNumbersJobs: createPhoneNumbersJobsApi(http),
    billing: createBillingApi(http),
  };
}
