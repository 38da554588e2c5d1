/**
 * The records of one simulated Twilio account: plain, JSON-serialisable data with the field names
 * of the spec (`twilio/twilio-oai`, `spec/json/twilio_api_v2010.json`). Dates are RFC 2822 in GMT
 * (`Mon, 13 Jun 2016 22:50:08 +0000`), as the 2010 API writes them. `account_sid` and `uri` are
 * added when a record is served (see `views.ts`); the secrets kept here (`auth_token`, a key's
 * `secret`, a SIP `password`) are served only where Twilio serves them.
 */
export type JsonObject = Record<string, unknown>;

export type HttpVerb = 'GET' | 'POST';

interface Dated {
  sid: string;
  date_created: string;
  date_updated: string;
}

export interface SimAccount extends Dated {
  friendly_name: string;
  status: 'active' | 'suspended' | 'closed';
  owner_account_sid: string;
  type: 'Trial' | 'Full';
  /** Twilio returns it in every account read; the client drops it. */
  auth_token: string;
}

export interface SimKey extends Dated {
  friendly_name: string;
  /** Shown once, in the create answer. */
  secret: string;
  /**
   * A restricted key (iam v1 `KeyType=restricted`): listed by iam v1 `/v1/Keys` only, never by the
   * 2010 `Keys.json`, which is how such keys can be invisible to a client that reads only the latter.
   */
  restricted?: boolean;
  /** What iam v1 lists as the key's `flags`. */
  flags?: string[];
}

export interface SimCredentialList extends Dated {
  friendly_name: string;
}

export interface SimCredential extends Dated {
  credential_list_sid: string;
  username: string;
  /** Never served. */
  password: string;
}

export interface SimIpAccessControlList extends Dated {
  friendly_name: string;
}

export interface SimIpAddress extends Dated {
  ip_access_control_list_sid: string;
  friendly_name: string;
  ip_address: string;
  cidr_prefix_length: number;
}

/** The URL fields numbers and applications share; `''` and `null` both mean "not set". */
export interface SimUrlFields {
  voice_url: string | null;
  voice_method: HttpVerb;
  voice_fallback_url: string | null;
  voice_fallback_method: HttpVerb;
  sms_url: string | null;
  sms_method: HttpVerb;
  sms_fallback_url: string | null;
  sms_fallback_method: HttpVerb;
  status_callback: string | null;
  status_callback_method: HttpVerb;
  voice_caller_id_lookup: boolean;
  api_version: string;
}

export interface SimIncomingPhoneNumber extends Dated, SimUrlFields {
  phone_number: string;
  friendly_name: string;
  voice_application_sid: string | null;
  sms_application_sid: string | null;
  trunk_sid: string | null;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  origin: 'twilio';
  status: 'in-use';
}

export interface SimApplication extends Dated, SimUrlFields {
  friendly_name: string;
  sms_status_callback: string | null;
  message_status_callback: string | null;
  public_application_connect_enabled: boolean;
}

/** One day of one usage category; `Usage/Records.json` sums the days of the dates asked for. */
export interface SimUsageDay {
  category: string;
  /** `YYYY-MM-DD` (GMT). */
  date: string;
  count: number;
  usage: number;
  price: number;
}

export interface SimUsageTrigger extends Dated {
  friendly_name: string;
  usage_category: string;
  trigger_by: 'count' | 'usage' | 'price';
  trigger_value: string;
  recurring: 'daily' | 'monthly' | 'yearly' | 'alltime' | '';
  callback_url: string;
  callback_method: HttpVerb;
  current_value: string;
  date_fired: string | null;
}

/** The secondary Auth Token (accounts v1), if one exists; ISO 8601 dates, as v1 writes them. */
export interface SimSecondaryToken {
  token: string;
  date_created: string;
}
