/** providers/twilio: the typed Twilio REST client (2010-04-01, accounts v1, iam v1 keys), its endpoints and zod schemas. */
export type { AccountsApi, AuthTokensApi } from './accounts.js';
export type { MonitorEventsApi, OutgoingCallerIdsApi } from './audit-trail.js';
export {
  createTwilioClient,
  type TwilioAccountApis,
  type TwilioClient,
  type TwilioClientOptions,
} from './client.js';
export { TwilioClientError } from './errors.js';
export type { DialingCountryUpdate, GeoPermissionsApi } from './geo-permissions.js';
export { type TwilioBaseUrls, twilioBaseUrls } from './hosts.js';
export type { IamKeysApi } from './iam-keys.js';
export type { KeysApi } from './keys.js';
export type { MessagingServicesApi, MessagingServiceUrls } from './messaging-services.js';
export type {
  ApplicationsApi,
  IncomingPhoneNumbersApi,
  IncomingPhoneNumberUrls,
  TwimlApplicationUrls,
} from './numbers.js';
export { nextPageRequest, TWILIO_MAX_PAGE_SIZE, TWILIO_MAX_PAGES } from './pagination.js';
export type { AccountStatus, TwilioAccount } from './schemas/accounts.js';
export type { MonitorEvent, OutgoingCallerId } from './schemas/audit.js';
export type { ApiKey, IamApiKey, NewApiKey } from './schemas/keys.js';
export type { IncomingPhoneNumber, TwimlApplication } from './schemas/numbers.js';
export type {
  DialingCountry,
  MessagingGeoPermission,
  MessagingService,
  SipDomain,
  SipDomainMapping,
  SipTrunk,
  SipTrunkMember,
} from './schemas/routing.js';
export type {
  SipCredential,
  SipCredentialList,
  SipIpAccessControlList,
  SipIpAddress,
} from './schemas/sip.js';
export type { UsageRecord, UsageRecurring, UsageTrigger, UsageTriggerBy } from './schemas/usage.js';
export { checkedSid, type SidPrefix } from './sid.js';
export type { SipCredentialsApi, SipIpAccessApi } from './sip.js';
export {
  SIP_DOMAIN_MAPPINGS,
  type SipDomainMappingKind,
  type SipDomainsApi,
  type SipDomainUrls,
} from './sip-domains.js';
export {
  type TwilioConnect,
  type TwilioConnectOptions,
  type TwilioCredentials,
  type TwilioTransport,
  twilioAccountKey,
  twilioConnector,
} from './transport.js';
export { SIP_TRUNK_MEMBERS, type SipTrunkingApi, type SipTrunkMemberKind } from './trunking.js';
export type { NewUsageTrigger, UsageApi, UsageRecordFilter, UsageTriggerFilter } from './usage.js';
