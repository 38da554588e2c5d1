import type { ProviderHttp } from '../http/types.js';
import { createAccountAccessApis } from './account-access.js';
import { createCallControlApplicationsApi, createTexmlApplicationsApi } from './applications.js';
import { createAuditEventsApi } from './audit-events.js';
import { createBillingApi } from './billing.js';
import { createFqdnsApi, createIpsApi } from './connection-addresses.js';
import {
  createCredentialConnectionsApi,
  createFqdnConnectionsApi,
  createIpConnectionsApi,
} from './connections.js';
import { createMessagingProfilesApi } from './messaging.js';
import { createNumberVoiceSettingsApi } from './numbers.js';
import { createOutboundVoiceProfilesApi } from './outbound-profiles.js';
import { createPhoneNumbersApi } from './phone-numbers.js';
import { createPhoneNumbersJobsApi } from './phone-numbers-jobs.js';
import { createTelephonyCredentialsApi } from './telephony-credentials.js';

/**
 * Typed calls to Telnyx API v2, one group per resource, each checked against the official OpenAPI
 * spec (docs/providers/telnyx.md). Listings walk every page and parse each record on its own (one that does
 * not fit comes back in `unreadable`, named); every write returns the object as Telnyx stored it; no
 * parsed object carries a secret. The `http` given decides base URL, auth,
 * rate limit and retries.
 */
export type TelnyxClient = Readonly<ReturnType<typeof createTelnyxClient>>;

export function createTelnyxClient(http: ProviderHttp) {
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
