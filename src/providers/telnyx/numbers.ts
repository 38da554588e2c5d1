import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { pickBody } from './pick-body.js';
import { byId } from './resource-api.js';
import { type NumberVoiceSettings, numberVoiceSettingsSchema } from './schemas/numbers.js';

/**
 * `PATCH /phone_numbers/{id}/voice`. To stop forwarding send
 * `{ call_forwarding: { call_forwarding_enabled: false } }`. The spec also says calls are not
 * forwarded when `forwards_to` "is left blank", but adds "If set, must be a +E.164-formatted phone
 * number", so whether a blank value is accepted is not certain: callers send it apart.
 */
export interface NumberVoiceSettingsPatch {
  call_forwarding?: {
    call_forwarding_enabled?: boolean;
    forwarding_type?: 'always' | 'on-failure';
    forwards_to?: string;
  };
  translated_number?: string;
  call_recording?: { inbound_call_recording_enabled?: boolean };
}

/** Voice settings, with call forwarding, of every number. */
export type NumberVoiceSettingsApi = ReturnType<typeof createNumberVoiceSettingsApi>;

export function createNumberVoiceSettingsApi(http: ProviderHttp) {
  const item = numberVoiceSettingsSchema;
  const one = byId(http, '/phone_numbers', item, '/voice');
  return {
    /** `GET /phone_numbers/voice`, the bulk listing; only the numbers `keep` accepts are held, when given. */
    list: (keep?: (n: NumberVoiceSettings) => boolean) =>
      listAll(http, {
        path: '/phone_numbers/voice',
        operation: 'list phone numbers with voice settings',
        item,
        ...(keep ? { keep } : {}),
      }),
    get: async (id: string) => one('GET', id, 'get phone number voice settings'),
    update: async (id: string, patch: NumberVoiceSettingsPatch) =>
      one('PATCH', id, 'update phone number voice settings', voiceSettingsBody(patch)),
  };
}

/** The PATCH body with only the fields named in `NumberVoiceSettingsPatch`, nested ones included. */
function voiceSettingsBody(patch: NumberVoiceSettingsPatch): Record<string, unknown> {
  const body = pickBody(patch, ['translated_number']);
  if (patch.call_forwarding) {
    body.call_forwarding = pickBody(patch.call_forwarding, [
      'call_forwarding_enabled',
      'forwarding_type',
      'forwards_to',
    ]);
  }
  if (patch.call_recording) {
    body.call_recording = pickBody(patch.call_recording, ['inbound_call_recording_enabled']);
  }
  return body;
}
