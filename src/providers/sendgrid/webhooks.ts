import { withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { call, deleteById, getResults } from './requests.js';
import { resourcePath } from './resource-path.js';
import { eventWebhookListSchema, eventWebhookSchema, parseSettingSchema } from './schemas/webhooks.js';

export type EventWebhooksApi = ReturnType<typeof createEventWebhooksApi>;
export type ParseSettingsApi = ReturnType<typeof createParseSettingsApi>;

const EVENT = '/v3/user/webhooks/event/settings';
const PARSE = '/v3/user/webhooks/parse/settings';

export function createEventWebhooksApi(http: ProviderHttp) {
  /** `…/settings/{id}` and its answer: that webhook, named by `id` when the answer leaves it out. */
  const one = (id: string) => ({
    path: resourcePath(EVENT, id),
    schema: withRequestedId(eventWebhookSchema, 'id', id),
  });
  return {
    /** `GET /v3/user/webhooks/event/settings/all`: every Event Webhook with its id. */
    async list() {
      const schema = eventWebhookListSchema(http.provider);
      return (
        await call(http, { method: 'GET', path: `${EVENT}/all`, schema, operation: 'list event webhooks' })
      ).webhooks;
    },
    /** `GET /v3/user/webhooks/event/settings/{id}`. */
    get: async (id: string) => call(http, { method: 'GET', ...one(id), operation: 'get event webhook' }),
    /**
     * `PATCH /v3/user/webhooks/event/settings/{id}` `{ enabled, url }`: the spec requires `url`, so
     * the webhook's current one is sent back unchanged. Disabling keeps the webhook, reversibly.
     */
    setEnabled: async (id: string, url: string, enabled: boolean) =>
      call(http, {
        method: 'PATCH',
        ...one(id),
        body: { json: { enabled, url } },
        operation: enabled ? 'enable event webhook' : 'disable event webhook',
      }),
  };
}

export function createParseSettingsApi(http: ProviderHttp) {
  return {
    /** `GET /v3/user/webhooks/parse/settings`. */
    list: () => getResults(http, PARSE, 'list inbound parse settings', parseSettingSchema, ['hostname']),
    /** `DELETE /v3/user/webhooks/parse/settings/{hostname}` (204); Inbound Parse has no off switch. */
    delete: (hostname: string) => deleteById(http, PARSE, hostname, 'delete inbound parse setting'),
  };
}
