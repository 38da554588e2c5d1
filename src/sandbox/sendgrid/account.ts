/** The simulated account as plain data: what a SendGrid account holds, in the v3 API's own shapes. */
import type {
  SimAlert,
  SimBrandedDomain,
  SimForwardSetting,
  SimVerifiedSender,
} from './account-identities.js';

export type {
  SimAlert,
  SimBrandedDomain,
  SimForwardSetting,
  SimVerifiedSender,
} from './account-identities.js';

export interface SimApiKey {
  api_key_id: string;
  name: string;
  scopes: string[];
}

export interface SimAllowedIp {
  id: number;
  ip: string;
  created_at: number;
  updated_at: number;
}

export interface SimAccessAttempt {
  ip: string;
  allowed: boolean;
  auth_method: string;
  location: string;
  first_at: number;
  last_at: number;
}

export interface SimTeammate {
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  user_type: 'owner' | 'admin' | 'teammate';
  is_admin: boolean;
  scopes: string[];
  phone: string;
  address: string;
  city: string;
  country: string;
}

export interface SimInvite {
  email: string;
  is_admin: boolean;
  scopes: string[];
  token: string;
  expiration_date: number;
}

export interface SimSubuser {
  id: number;
  username: string;
  email: string;
  disabled: boolean;
  region: 'global' | 'eu';
}

export interface SimEventWebhook {
  id: string;
  url: string;
  enabled: boolean;
  friendly_name: string | null;
  oauth_client_id: string | null;
  oauth_token_url: string | null;
  public_key: string;
  created_date: string;
  updated_date: string;
  delivered: boolean;
  bounce: boolean;
  open: boolean;
  click: boolean;
}

export interface SimParseSetting {
  hostname: string;
  url: string;
  spam_check: boolean;
  send_raw: boolean;
}

export interface SimMessage {
  msg_id: string;
  from_email: string;
  to_email: string;
  subject: string;
  status: 'processed' | 'delivered' | 'not_delivered';
  opens_count: number;
  clicks_count: number;
  last_event_time: string;
  /** Who sent it: `parent` or a subuser's username (the feed itself does not say). */
  sender: string;
}

/**
 * What an attacker planted in a seeded account, by kind. `access_attempt` (their sign-in in the
 * access activity) and `sent_subject` (their spam) are evidence, not settings: nothing undoes them.
 */
export type PlantedKind =
  | 'api_key'
  | 'allowed_ip'
  | 'access_attempt'
  | 'teammate'
  | 'pending_invite'
  | 'subuser'
  | 'event_webhook'
  | 'sent_subject'
  | 'verified_sender'
  | 'authenticated_domain'
  | 'branded_link'
  | 'mail_setting'
  | 'alert';

export interface PlantedChange {
  kind: PlantedKind;
  /** The resource as discovery names it: key id, `ip-rule:<id>`, username, webhook id, … */
  id: string;
  /** One line for test failure messages. No secrets. */
  summary: string;
}

export const ACCOUNT_STATE_VERSION = 1;

export interface SendgridAccountState {
  version: typeof ACCOUNT_STATE_VERSION;
  /**
   * The key the account's client signs with (`SG.<id>.<secret>`, listed among `apiKeys`); a fake,
   * not a credential. A request signed with another key the account issued (`keyDigests`) makes
   * that one the client's key.
   */
  apiKey: string;
  /** SHA-256 (hex) of each key value the account issued, by key id: how it knows them again. */
  keyDigests: Record<string, string>;
  username: string;
  email: string;
  /** Whether the account bought the Email Activity add-on (without it `/v3/messages` answers 403). */
  emailActivity: boolean;
  /** The id/secret generator's state (see `SeededRandom`). */
  random: number;
  /** The next allow-list rule id and subuser id. */
  nextNumber: number;
  apiKeys: SimApiKey[];
  allowList: SimAllowedIp[];
  activity: SimAccessAttempt[];
  teammates: SimTeammate[];
  invites: SimInvite[];
  subusers: SimSubuser[];
  eventWebhooks: SimEventWebhook[];
  parseSettings: SimParseSetting[];
  messages: SimMessage[];
  verifiedSenders: SimVerifiedSender[];
  authenticatedDomains: SimBrandedDomain[];
  brandedLinks: SimBrandedDomain[];
  forwardSpam: SimForwardSetting;
  forwardBounce: SimForwardSetting;
  alerts: SimAlert[];
  planted: PlantedChange[];
}

export function emptyAccountState(init: {
  apiKey: string;
  username: string;
  email: string;
  random: number;
}): SendgridAccountState {
  return {
    version: ACCOUNT_STATE_VERSION,
    ...init,
    emailActivity: true,
    nextNumber: 1000,
    apiKeys: [],
    allowList: [],
    activity: [],
    teammates: [],
    invites: [],
    subusers: [],
    eventWebhooks: [],
    parseSettings: [],
    messages: [],
    keyDigests: {},
    verifiedSenders: [],
    authenticatedDomains: [],
    brandedLinks: [],
    forwardSpam: { enabled: false, email: '' },
    forwardBounce: { enabled: false, email: '' },
    alerts: [],
    planted: [],
  };
}
