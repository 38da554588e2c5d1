import type { TelnyxAccountState } from './account.js';
import type { JsonObject, SimPhoneNumber } from './account-state.js';
import { containsFilter, exactFilters, type ListSpec } from './list-query.js';
import type { FieldType } from './validate-body.js';

/** `GET /phone_numbers`: page size 20 by default; the filters and sorts a remediation uses. */
export const NUMBER_LIST: ListSpec = {
  pageSizeDefault: 20,
  filters: [
    { param: 'filter[phone_number]', field: 'phone_number', op: 'digits' },
    ...exactFilters('connection_id', 'status', 'customer_reference'),
    { param: 'filter[tag]', field: 'tags', op: 'includes' },
    { param: 'filter[voice.connection_name][contains]', field: 'connection_name', op: 'contains' },
  ],
  sortFields: {
    purchased_at: 'purchased_at',
    phone_number: 'phone_number',
    connection_name: 'connection_name',
    usage_payment_method: 'usage_payment_method',
  },
};

/** `GET /phone_numbers/voice`, the bulk voice-settings listing. */
export const VOICE_LIST: ListSpec = {
  pageSizeDefault: 20,
  filters: [
    { param: 'filter[phone_number]', field: 'phone_number', op: 'digits' },
    containsFilter('connection_name'),
    ...exactFilters('customer_reference'),
    { param: 'filter[voice.usage_payment_method]', field: 'usage_payment_method', op: 'eq' },
  ],
  sortFields: NUMBER_LIST.sortFields,
};

export const NUMBER_WRITABLE = [
  'billing_group_id',
  'connection_id',
  'customer_reference',
  'external_pin',
  'hd_voice_enabled',
  'tags',
];
export const NUMBER_TYPES: Record<string, FieldType> = {
  billing_group_id: 'nullable-string',
  connection_id: 'nullable-string',
  customer_reference: 'nullable-string',
  external_pin: 'nullable-string',
  hd_voice_enabled: 'boolean',
  tags: 'string-list',
};

export const VOICE_WRITABLE = [
  'call_forwarding',
  'call_recording',
  'caller_id_name_enabled',
  'cnam_listing',
  'inbound_call_screening',
  'media_features',
  'tech_prefix_enabled',
  'translated_number',
  'usage_payment_method',
];
export const VOICE_TYPES: Record<string, FieldType> = {
  call_forwarding: 'object',
  call_recording: 'object',
  caller_id_name_enabled: 'boolean',
  inbound_call_screening: ['disabled', 'reject_calls', 'flag_calls'],
  tech_prefix_enabled: 'boolean',
  translated_number: 'string',
  usage_payment_method: ['pay-per-minute', 'channel'],
};
export const FORWARDING_TYPES: Record<string, FieldType> = {
  call_forwarding_enabled: 'boolean',
  forwarding_type: ['always', 'on-failure'],
  forwards_to: 'e164-or-blank',
};

/** Names of every connection and application, to fill `connection_name` in number views. */
export function connectionNames(state: TelnyxAccountState): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of [...state.credentialConnections, ...state.ipConnections, ...state.fqdnConnections]) {
    names.set(c.id, c.connection_name);
  }
  for (const a of state.callControlApplications) names.set(a.id, a.application_name);
  for (const a of state.texmlApplications) names.set(a.id, a.friendly_name);
  return names;
}

/** A number as `GET /phone_numbers` shows it (shallow; clone before handing it out). */
export function numberView(
  n: SimPhoneNumber,
  state: TelnyxAccountState,
  names: Map<string, string>,
): JsonObject {
  const { voice, ...rest } = n;
  const profile = state.messagingProfiles.find((p) => p.id === n.messaging_profile_id);
  return {
    ...rest,
    connection_name: n.connection_id === null ? null : (names.get(n.connection_id) ?? null),
    messaging_profile_name: profile?.name ?? null,
    call_forwarding_enabled: voice.call_forwarding.call_forwarding_enabled,
    call_recording_enabled: voice.call_recording.inbound_call_recording_enabled,
    usage_payment_method: voice.usage_payment_method,
  };
}

/** A number's voice settings as `GET /phone_numbers/{id}/voice` shows them. */
export function voiceView(n: SimPhoneNumber, names: Map<string, string>): JsonObject {
  return {
    id: n.id,
    record_type: 'voice_settings',
    phone_number: n.phone_number,
    connection_id: n.connection_id,
    connection_name: n.connection_id === null ? null : (names.get(n.connection_id) ?? null),
    customer_reference: n.customer_reference,
    ...n.voice,
  };
}
