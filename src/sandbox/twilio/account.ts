import type { PlantedChangeOf } from '../kit/planted-change.js';
import type {
  SimAccount,
  SimApplication,
  SimCredential,
  SimCredentialList,
  SimIncomingPhoneNumber,
  SimIpAccessControlList,
  SimIpAddress,
  SimKey,
  SimSecondaryToken,
  SimUsageDay,
  SimUsageTrigger,
} from './account-state.js';
import { emptyIdentityState, type SimIdentityState } from './identity-state.js';
import { emptyRoutingState, type SimRoutingState } from './routing-state.js';

/** What an attacker planted in a seeded account, by kind; ids are the resources' SIDs. */
export type PlantedKind =
  | 'auth_token'
  | 'api_key'
  | 'subaccount'
  | 'ip_address'
  | 'incoming_phone_number'
  | 'application'
  | 'subaccount_auth_token'
  | 'subaccount_api_key'
  | 'subaccount_phone_number'
  | 'subaccount_application'
  | 'outgoing_caller_id'
  | 'monitor_event'
  | 'sip_trunk'
  | 'trunk_origination_url'
  | 'sip_domain'
  | 'sip_domain_mapping'
  | 'messaging_service'
  | 'dialing_country'
  | 'messaging_country';

/**
 * One planted change: `id` is the resource's SID (for `auth_token`, the account's), `secretDigest`
 * that of the planted Auth Token, `value` an IP or a webhook host.
 */
export type PlantedChange = PlantedChangeOf<PlantedKind>;

export const ACCOUNT_STATE_VERSION = 1;

export interface TwilioAccountState {
  version: typeof ACCOUNT_STATE_VERSION;
  /** The main account; its `auth_token` is the primary Auth Token a client must send. */
  account: SimAccount;
  secondaryAuthToken: SimSecondaryToken | null;
  /** The id/secret generator's state (`SeededRandom`). */
  random: number;
  subaccounts: SimAccount[];
  keys: SimKey[];
  credentialLists: SimCredentialList[];
  credentials: SimCredential[];
  ipAccessControlLists: SimIpAccessControlList[];
  ipAddresses: SimIpAddress[];
  incomingPhoneNumbers: SimIncomingPhoneNumber[];
  applications: SimApplication[];
  usage: SimUsageDay[];
  usageTriggers: SimUsageTrigger[];
  /** SIP trunks and domains, Messaging Services, geo permissions (absent from older saved files). */
  routing: SimRoutingState;
  /** Subaccounts' own resources, verified caller IDs, Monitor events (absent from older saved files). */
  identity: SimIdentityState;
  planted: PlantedChange[];
}

export function emptyAccountState(account: SimAccount, random: number): TwilioAccountState {
  return {
    version: ACCOUNT_STATE_VERSION,
    account,
    secondaryAuthToken: null,
    random,
    subaccounts: [],
    keys: [],
    credentialLists: [],
    credentials: [],
    ipAccessControlLists: [],
    ipAddresses: [],
    incomingPhoneNumbers: [],
    applications: [],
    usage: [],
    usageTriggers: [],
    routing: emptyRoutingState(),
    identity: emptyIdentityState(),
    planted: [],
  };
}
