/**
 * The state of one simulated Telnyx account: plain, JSON-serialisable data. Each record holds the
 * fields Telnyx API v2 returns for it (spec `team-telnyx/openapi` `openapi/spec3.yml`), with the
 * names and types of the spec; a PATCH may add any other field the spec lets a client write.
 */
export type JsonObject = Record<string, unknown>;

type Rec<T> = T & JsonObject;

export interface OutboundSettings extends JsonObject {
  outbound_voice_profile_id: string | null;
}

interface Stamped {
  id: string;
  created_at: string;
  updated_at: string;
}

/** What connections and Call Control applications share: they post events to a webhook. */
interface WebhookEndpointFields extends Stamped {
  active: boolean;
  webhook_event_url: string;
  webhook_event_failover_url: string;
  webhook_api_version: '1' | '2';
  outbound: OutboundSettings;
  tags: string[];
}

interface SipConnectionFields extends WebhookEndpointFields {
  connection_name: string;
}

export type SimCredentialConnection = Rec<
  SipConnectionFields & {
    record_type: 'credential_connection';
    user_name: string;
    password: string;
    sip_uri_calling_preference: 'disabled' | 'unrestricted' | 'internal';
  }
>;

export type SimIpConnection = Rec<
  SipConnectionFields & {
    record_type: 'ip_connection';
    inbound: { sip_subdomain: string; sip_subdomain_receive_settings: 'only_my_connections' | 'from_anyone' };
  }
>;

export type SimFqdnConnection = Rec<SipConnectionFields & { record_type: 'fqdn_connection' }>;

export type SimIp = Rec<
  Stamped & { record_type: 'ip'; connection_id: string; ip_address: string; port: number }
>;

export type SimFqdn = Rec<
  Stamped & {
    record_type: 'fqdn';
    connection_id: string;
    fqdn: string;
    port: number;
    dns_record_type: string;
  }
>;

export type SimTelephonyCredential = Rec<
  Stamped & {
    record_type: 'credential';
    name: string;
    resource_id: string;
    sip_username: string;
    sip_password: string;
    expired: boolean;
    expires_at: string | null;
    user_id: string;
    tag: string | null;
  }
>;

export type SimMessagingProfile = Rec<
  Stamped & {
    record_type: 'messaging_profile';
    name: string;
    enabled: boolean;
    v1_secret: string;
    webhook_url: string | null;
    webhook_failover_url: string | null;
    webhook_api_version: '1' | '2' | '2010-04-01';
    whitelisted_destinations: string[];
    daily_spend_limit: string;
    daily_spend_limit_enabled: boolean;
    organization_id: string;
  }
>;

export interface CallForwarding extends JsonObject {
  call_forwarding_enabled: boolean;
  forwarding_type: 'always' | 'on-failure';
  forwards_to: string;
}

/** What `GET /phone_numbers/{id}/voice` returns besides id, phone number and connection. */
export type SimVoiceSettings = Rec<{
  call_forwarding: CallForwarding;
  call_recording: {
    inbound_call_recording_enabled: boolean;
    inbound_call_recording_format: 'wav' | 'mp3';
    inbound_call_recording_channels: 'single' | 'dual';
  };
  translated_number: string;
  tech_prefix_enabled: boolean;
  usage_payment_method: 'pay-per-minute' | 'channel';
  inbound_call_screening: 'disabled' | 'reject_calls' | 'flag_calls';
}>;

export type SimPhoneNumber = Rec<
  Stamped & {
    record_type: 'phone_number';
    phone_number: string;
    status: 'active';
    phone_number_type: 'local' | 'toll_free' | 'mobile' | 'national';
    country_iso_alpha2: string;
    connection_id: string | null;
    messaging_profile_id: string | null;
    billing_group_id: string | null;
    customer_reference: string | null;
    external_pin: string | null;
    tags: string[];
    deletion_lock_enabled: boolean;
    hd_voice_enabled: boolean;
    purchased_at: string;
    voice: SimVoiceSettings;
  }
>;

export type SimCallControlApplication = Rec<
  WebhookEndpointFields & { record_type: 'call_control_application'; application_name: string }
>;

export type SimTexmlApplication = Rec<
  Stamped & {
    record_type: 'texml_application';
    friendly_name: string;
    active: boolean;
    voice_url: string;
    voice_fallback_url: string | null;
    voice_method: 'get' | 'post';
    status_callback: string | null;
    status_callback_method: 'get' | 'post';
    outbound: OutboundSettings;
    tags: string[];
  }
>;

export type SimOutboundVoiceProfile = Rec<
  Stamped & {
    record_type: 'outbound_voice_profile';
    name: string;
    enabled: boolean;
    /** A decimal string, e.g. `"100.00"`, as in the spec. */
    daily_spend_limit: string;
    daily_spend_limit_enabled: boolean;
    max_destination_rate: number | null;
    whitelisted_destinations: string[];
    concurrent_call_limit: number | null;
    traffic_type: 'conversational';
    service_plan: 'global';
    usage_payment_method: 'rate-deck';
    tags: string[];
  }
>;

export interface AuditChange extends JsonObject {
  field: string;
  from: unknown;
  to: unknown;
}

export type SimAuditEvent = Rec<{
  id: string;
  record_type: 'audit_event';
  change_type: 'create' | 'update' | 'delete';
  change_made_by: 'telnyx' | 'account_manager' | 'account_owner' | 'organization_member';
  changes: AuditChange[] | null;
  resource_id: string;
  alternate_resource_id: string | null;
  organization_id: string;
  user_id: string;
  created_at: string;
}>;

export type SimNotificationChannel = Rec<
  Stamped & {
    notification_profile_id: string;
    channel_type_id: 'sms' | 'voice' | 'email' | 'webhook';
    channel_destination: string;
  }
>;
