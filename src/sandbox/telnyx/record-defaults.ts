import type { JsonObject } from './account-state.js';
import { isObject } from './validate-body.js';

/** What a new record needs besides the fields a client or a seed gives. */
export interface NewRecordContext {
  id: string;
  /** ISO 8601; becomes `created_at` and `updated_at`. */
  at: string;
  organizationId: string;
  ownerUserId: string;
  /** A fresh fake secret (v1 secret, SIP password) when the record type has one. */
  secret: () => string;
}

const NO_OUTBOUND = (): JsonObject => ({ outbound_voice_profile_id: null });

const CONNECTION = (): JsonObject => ({
  connection_name: '',
  active: true,
  webhook_event_url: '',
  webhook_event_failover_url: '',
  webhook_api_version: '1',
  anchorsite_override: 'Latency',
  dtmf_type: 'RFC 2833',
  outbound: NO_OUTBOUND(),
  tags: [],
});

/** The spec's defaults per `record_type`, before the given fields are merged in. */
const DEFAULTS: Record<string, (ctx: NewRecordContext) => JsonObject> = {
  credential_connection: () => ({ ...CONNECTION(), sip_uri_calling_preference: 'disabled' }),
  ip_connection: () => ({
    ...CONNECTION(),
    transport_protocol: 'UDP',
    inbound: { sip_subdomain: '', sip_subdomain_receive_settings: 'only_my_connections' },
  }),
  fqdn_connection: () => ({ ...CONNECTION(), transport_protocol: 'UDP' }),
  ip: () => ({ connection_id: null, port: 5060 }),
  fqdn: () => ({ port: 5060 }),
  credential: (ctx) => ({
    name: '',
    sip_username: `gencred${ctx.secret().slice(0, 20)}`,
    sip_password: ctx.secret(),
    expired: false,
    expires_at: null,
    user_id: ctx.ownerUserId,
    tag: null,
  }),
  messaging_profile: (ctx) => ({
    enabled: true,
    v1_secret: ctx.secret(),
    webhook_url: null,
    webhook_failover_url: null,
    webhook_api_version: '2',
    daily_spend_limit: '0',
    daily_spend_limit_enabled: false,
    organization_id: ctx.organizationId,
    mms_fall_back_to_sms: false,
    mms_transcoding: false,
    mobile_only: false,
  }),
  call_control_application: () => ({
    active: true,
    webhook_event_failover_url: '',
    webhook_api_version: '1',
    anchorsite_override: 'Latency',
    dtmf_type: 'RFC 2833',
    first_command_timeout: false,
    first_command_timeout_secs: 30,
    outbound: NO_OUTBOUND(),
    tags: [],
  }),
  texml_application: () => ({
    active: true,
    voice_fallback_url: null,
    voice_method: 'post',
    status_callback: null,
    status_callback_method: 'post',
    outbound: NO_OUTBOUND(),
    tags: [],
  }),
  notification_setting: () => ({
    associated_record_type: 'account',
    associated_record_type_value: '',
    notification_channel_id: null,
    parameters: [],
    status: 'enabled',
  }),
  outbound_voice_profile: () => ({
    enabled: true,
    daily_spend_limit: '0',
    daily_spend_limit_enabled: false,
    max_destination_rate: null,
    whitelisted_destinations: ['US', 'CA'],
    concurrent_call_limit: null,
    traffic_type: 'conversational',
    service_plan: 'global',
    usage_payment_method: 'rate-deck',
    tags: [],
  }),
};

/** Merges `patch` into `target`: objects member by member, anything else (lists too) replaced. */
export function mergeInto(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) mergeInto(current, value);
    else target[key] = structuredClone(value);
  }
}

/** Derived fields: a telephony credential's `connection_id` is stored as `resource_id`. */
export function normaliseRecord(record: JsonObject): void {
  if (record.record_type === 'credential' && typeof record.connection_id === 'string') {
    record.resource_id = `connection:${record.connection_id}`;
    delete record.connection_id;
  }
}

/** A complete record of `recordType`: id, timestamps, the spec's defaults, then `fields`. */
export function newRecord<T extends JsonObject>(
  recordType: string,
  ctx: NewRecordContext,
  fields: JsonObject,
): T {
  const defaults = DEFAULTS[recordType]?.(ctx) ?? {};
  const record: JsonObject = { id: ctx.id, record_type: recordType, ...defaults };
  mergeInto(record, fields);
  record.created_at = ctx.at;
  record.updated_at = ctx.at;
  normaliseRecord(record);
  return record as T;
}
