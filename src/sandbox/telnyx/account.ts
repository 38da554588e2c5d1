import type { PlantedChangeOf } from '../kit/planted-change.js';
import type { SimAccountAccess } from './account-access-state.js';
import type {
  JsonObject,
  SimAuditEvent,
  SimCallControlApplication,
  SimCredentialConnection,
  SimFqdn,
  SimFqdnConnection,
  SimIp,
  SimIpConnection,
  SimMessagingProfile,
  SimNotificationChannel,
  SimOutboundVoiceProfile,
  SimPhoneNumber,
  SimTelephonyCredential,
  SimTexmlApplication,
} from './account-state.js';
import type { SimPhoneNumbersJob } from './number-job-state.js';

/** What an attacker planted in a seeded account, by kind; ids are the resources' Telnyx ids. */
export type PlantedKind =
  | 'credential_connection'
  | 'ip'
  | 'call_forwarding'
  | 'call_control_application'
  | 'texml_application'
  | 'outbound_voice_profile'
  | 'messaging_profile_secret'
  | 'organization_user'
  | 'oauth_grant'
  | 'oauth_client'
  | 'integration_secret'
  | 'access_ip'
  | 'port_out_pin'
  | 'fqdn_connection'
  | 'messaging_destinations'
  | 'notification_channel'
  | 'balance_alert';

/**
 * One planted change: `id` is the resource's Telnyx id (for `call_forwarding`, the phone number's),
 * `summary` e.g. `+13035550142 forwards to +88213…`, `secretDigest` that of a password or v1 secret.
 */
export type PlantedChange = PlantedChangeOf<PlantedKind>;

export const ACCOUNT_STATE_VERSION = 1;

export interface TelnyxAccountState {
  version: typeof ACCOUNT_STATE_VERSION;
  /** The key a client must send as `Authorization: Bearer <apiKey>`; a fake, not a credential. */
  apiKey: string;
  /**
   * Every API key the account answers to now (`apiKey` among them until it is deleted), as the
   * portal's API Keys page lists them; absent: only `apiKey`.
   */
  apiKeys?: string[];
  organizationId: string;
  ownerUserId: string;
  /** The id/secret generator's state (see `SeededRandom`). */
  random: number;
  credentialConnections: SimCredentialConnection[];
  ipConnections: SimIpConnection[];
  fqdnConnections: SimFqdnConnection[];
  ips: SimIp[];
  fqdns: SimFqdn[];
  telephonyCredentials: SimTelephonyCredential[];
  messagingProfiles: SimMessagingProfile[];
  phoneNumbers: SimPhoneNumber[];
  callControlApplications: SimCallControlApplication[];
  texmlApplications: SimTexmlApplication[];
  outboundVoiceProfiles: SimOutboundVoiceProfile[];
  auditEvents: SimAuditEvent[];
  /** Account notifications (profiles, channels, settings) and Telnyx's list of event conditions. */
  notificationProfiles: JsonObject[];
  notificationChannels: SimNotificationChannel[];
  notificationSettings: JsonObject[];
  notificationConditions: JsonObject[];
  /** Users, OAuth grants and clients, integration secrets, the API allow-list; absent: all empty. */
  accountAccess?: SimAccountAccess;
  /** Bulk number jobs (`/phone_numbers/jobs`), oldest first; absent: none. */
  phoneNumberJobs?: SimPhoneNumbersJob[];
  planted: PlantedChange[];
}

export type CollectionKey = Exclude<
  {
    [K in keyof TelnyxAccountState]-?: TelnyxAccountState[K] extends JsonObject[] ? K : never;
  }[keyof TelnyxAccountState],
  'planted'
>;

export function emptyAccountState(init: {
  apiKey: string;
  organizationId: string;
  ownerUserId: string;
  random: number;
}): TelnyxAccountState {
  return {
    version: ACCOUNT_STATE_VERSION,
    ...init,
    credentialConnections: [],
    ipConnections: [],
    fqdnConnections: [],
    ips: [],
    fqdns: [],
    telephonyCredentials: [],
    messagingProfiles: [],
    phoneNumbers: [],
    callControlApplications: [],
    texmlApplications: [],
    outboundVoiceProfiles: [],
    auditEvents: [],
    notificationProfiles: [],
    notificationChannels: [],
    notificationSettings: [],
    notificationConditions: [],
    planted: [],
  };
}

/** Every id in the account's connection namespace (connections and applications share it). */
export function findConnection(state: TelnyxAccountState, id: string): JsonObject | undefined {
  return (
    state.credentialConnections.find((c) => c.id === id) ??
    state.ipConnections.find((c) => c.id === id) ??
    state.fqdnConnections.find((c) => c.id === id) ??
    state.callControlApplications.find((c) => c.id === id) ??
    state.texmlApplications.find((c) => c.id === id)
  );
}
