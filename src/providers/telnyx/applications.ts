import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { pickBody } from './pick-body.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import {
  type CallControlApplication,
  callControlApplicationSchema,
  type TexmlApplication,
  texmlApplicationSchema,
} from './schemas/applications.js';

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

export interface CallControlApplicationsApi {
  list(): Promise<Listing<CallControlApplication>>;
  get(id: string): Promise<CallControlApplication>;
  update(id: string, update: CallControlApplicationUpdate): Promise<CallControlApplication>;
}

export interface TexmlApplicationsApi {
  list(): Promise<Listing<TexmlApplication>>;
  get(id: string): Promise<TexmlApplication>;
  update(id: string, update: TexmlApplicationUpdate): Promise<TexmlApplication>;
}

export function createCallControlApplicationsApi(http: ProviderHttp): CallControlApplicationsApi {
  const item = callControlApplicationSchema;
  return {
    list: () =>
      listAll(http, {
        path: '/call_control_applications',
        operation: 'list Call Control applications',
        item,
      }),
    get: async (id) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/call_control_applications', id),
        operation: 'get Call Control application',
        item,
        id,
      }),
    update: async (id, update) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/call_control_applications', id),
        operation: 'update Call Control application',
        item,
        id,
        body: pickBody(update, [
          'application_name',
          'webhook_event_url',
          'active',
          'webhook_event_failover_url',
        ]),
      }),
  };
}

export function createTexmlApplicationsApi(http: ProviderHttp): TexmlApplicationsApi {
  const item = texmlApplicationSchema;
  return {
    list: () => listAll(http, { path: '/texml_applications', operation: 'list TeXML applications', item }),
    get: async (id) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/texml_applications', id),
        operation: 'get TeXML application',
        item,
        id,
      }),
    update: async (id, update) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/texml_applications', id),
        operation: 'update TeXML application',
        item,
        id,
        body: pickBody(update, [
          'friendly_name',
          'voice_url',
          'active',
          'voice_fallback_url',
          'status_callback',
        ]),
      }),
  };
}
