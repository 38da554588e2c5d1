import type { ProviderHttp } from '../http/types.js';
import { pickBody } from './pick-body.js';
import { editableApi } from './resource-api.js';
import { callControlApplicationSchema, texmlApplicationSchema } from './schemas/applications.js';

/**
 * `PATCH /call_control_applications/{id}`. The spec requires `application_name` and
 * `webhook_event_url` on every update, so a deactivation resends the current ones.
 */
export interface CallControlApplicationUpdate {
  application_name: string;
  webhook_event_url: string;
  active?: boolean;
  webhook_event_failover_url?: string | null;
}

/** `PATCH /texml_applications/{id}`. The spec requires `friendly_name` and `voice_url` on every update. */
export interface TexmlApplicationUpdate {
  friendly_name: string;
  voice_url: string;
  active?: boolean;
  voice_fallback_url?: string;
  status_callback?: string;
}

export type CallControlApplicationsApi = ReturnType<typeof createCallControlApplicationsApi>;
export type TexmlApplicationsApi = ReturnType<typeof createTexmlApplicationsApi>;

export function createCallControlApplicationsApi(http: ProviderHttp) {
  return editableApi(
    http,
    '/call_control_applications',
    'Call Control application',
    callControlApplicationSchema,
    (update: CallControlApplicationUpdate) =>
      pickBody(update, ['application_name', 'webhook_event_url', 'active', 'webhook_event_failover_url']),
  );
}

export function createTexmlApplicationsApi(http: ProviderHttp) {
  return editableApi(
    http,
    '/texml_applications',
    'TeXML application',
    texmlApplicationSchema,
    (update: TexmlApplicationUpdate) =>
      pickBody(update, ['friendly_name', 'voice_url', 'active', 'voice_fallback_url', 'status_callback']),
  );
}
