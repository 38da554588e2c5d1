/** providers/telnyx: the typed Telnyx v2 client, its endpoints and zod schemas. */
export type { AccessListApi, AccountAccessApis, ListRemoveApi } from './account-access.js';
export type {
  CallControlApplicationsApi,
  CallControlApplicationUpdate,
  TexmlApplicationsApi,
  TexmlApplicationUpdate,
} from './applications.js';
export { type AuditEventFilter, type AuditEventsApi, TELNYX_AUDIT_PAGE_SIZE } from './audit-events.js';
export type { BillingApi, NotificationSettingCreate } from './billing.js';
export { createTelnyxClient, type TelnyxClient } from './client.js';
export type { AddressFilter, FqdnsApi, IpsApi } from './connection-addresses.js';
export type {
  CredentialConnectionPatch,
  CredentialConnectionsApi,
  FqdnConnectionsApi,
  IpConnectionPatch,
  IpConnectionsApi,
} from './connections.js';
export { TelnyxClientError } from './errors.js';
export type { MessagingProfilePatch, MessagingProfilesApi } from './messaging.js';
export type { NumberVoiceSettingsApi, NumberVoiceSettingsPatch } from './numbers.js';
export type { OutboundVoiceProfilesApi, OutboundVoiceProfileUpdate } from './outbound-profiles.js';
export { TELNYX_MAX_PAGE_SIZE } from './pagination.js';
export type { PhoneNumbersApi } from './phone-numbers.js';
export {
  JOB_FINISHED,
  type PhoneNumbersJobsApi,
  type SettleLimits,
  settleJob,
  TELNYX_JOB_MAX_NUMBERS,
} from './phone-numbers-jobs.js';
export type {
  AccessIpAddress,
  AccessIpRange,
  IntegrationSecret,
  OAuthClient,
  OAuthGrant,
  OrganizationUser,
} from './schemas/account-access.js';
export type { CallControlApplication, TexmlApplication } from './schemas/applications.js';
export type { AuditEvent, AuditEventChange } from './schemas/audit-events.js';
export type {
  Balance,
  NotificationChannel,
  NotificationCondition,
  NotificationSetting,
} from './schemas/billing.js';
export type { OutboundLink } from './schemas/common.js';
export type {
  CredentialConnection,
  Fqdn,
  FqdnConnection,
  Ip,
  IpConnection,
  TelephonyCredential,
} from './schemas/connections.js';
export type { MessagingProfile, SecretRotation } from './schemas/messaging.js';
export type { CallForwarding, NumberVoiceSettings } from './schemas/numbers.js';
export type { OutboundVoiceProfile } from './schemas/outbound-profiles.js';
export type { PhoneNumber } from './schemas/phone-numbers.js';
export type { JobFailure, JobNumber, PhoneNumbersJob } from './schemas/phone-numbers-jobs.js';
export type { TelephonyCredentialFilter, TelephonyCredentialsApi } from './telephony-credentials.js';
