import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { resourcePath } from './resource-path.js';
import { noContent, resultRecords } from './schemas/common.js';
import {
  type EventWebhook,
  eventWebhookListSchema,
  eventWebhookSchema,
  type ParseSetting,
  parseSettingSchema,
} from './schemas/webhooks.js';

export interface EventWebhooksApi {
  /** `GET /v3/user/webhooks/event/settings/all`: every Event Webhook with its id. */
  list(): Promise<Listing<EventWebhook>>;
  /** `GET /v3/user/webhooks/event/settings/{id}`. */
  get(id: string): Promise<EventWebhook>;
  /**
   * `PATCH /v3/user/webhooks/event/settings/{id}` `{ enabled, url }`: the spec requires `url`, so
   * the webhook's current one is sent back unchanged. Disabling keeps the webhook, reversibly.
   */
  setEnabled(id: string, url: string, enabled: boolean): Promise<EventWebhook>;
}

export interface ParseSettingsApi {
  /** `GET /v3/user/webhooks/parse/settings`. */
  list(): Promise<Listing<ParseSetting>>;
  /** `DELETE /v3/user/webhooks/parse/settings/{hostname}` (204); Inbound Parse has no off switch. */
  delete(hostname: string): Promise<void>;
}

const EVENT = '/v3/user/webhooks/event/settings';
const PARSE = '/v3/user/webhooks/parse/settings';

export function createEventWebhooksApi(http: ProviderHttp): EventWebhooksApi {
  return {
    async list() {
      const res = await http.request({
        method: 'GET',
        path: `${EVENT}/all`,
        schema: eventWebhookListSchema(http.provider),
        operation: 'list event webhooks',
      });
      return res.data.webhooks;
    },
    async get(id) {
      const res = await http.request({
        method: 'GET',
        path: resourcePath(EVENT, id),
        schema: withRequestedId(eventWebhookSchema, 'id', id),
        operation: 'get event webhook',
      });
      return res.data;
    },
    async setEnabled(id, url, enabled) {
      const res = await http.request({
        method: 'PATCH',
        path: resourcePath(EVENT, id),
        body: { json: { enabled, url } },
        schema: withRequestedId(eventWebhookSchema, 'id', id),
        operation: enabled ? 'enable event webhook' : 'disable event webhook',
      });
      return res.data;
    },
  };
}

export function createParseSettingsApi(http: ProviderHttp): ParseSettingsApi {
  return {
    async list() {
      const res = await http.request({
        method: 'GET',
        path: PARSE,
        schema: resultRecords(parseSettingSchema, {
          provider: http.provider,
          operation: 'list inbound parse settings',
          idKeys: ['hostname'],
        }),
        operation: 'list inbound parse settings',
      });
      return res.data.result;
    },
    async delete(hostname) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(PARSE, hostname),
        schema: noContent,
        operation: 'delete inbound parse setting',
      });
    },
  };
}
