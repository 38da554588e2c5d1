// Messaging Services (`messaging.twilio.com/v1/Services`): the URLs that override their numbers' own.
import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAllV1 } from './pagination-v1.js';
import type { FormValue } from './request.js';
import { send } from './request.js';
import { type MessagingService, messagingServiceSchema } from './schemas/routing.js';
import { checkedSid } from './sid.js';

/** The URL fields of `POST /v1/Services/{Sid}` (UpdateService); null clears one. */
export interface MessagingServiceUrls {
  InboundRequestUrl?: string | null;
  FallbackUrl?: string | null;
  StatusCallback?: string | null;
}

export interface MessagingServicesApi {
  list(): Promise<Listing<MessagingService>>;
  fetch(sid: string): Promise<MessagingService>;
  updateUrls(sid: string, urls: MessagingServiceUrls): Promise<MessagingService>;
}

const URL_FIELDS = ['InboundRequestUrl', 'FallbackUrl', 'StatusCallback'] as const;

export function createMessagingServicesApi(http: ProviderHttp): MessagingServicesApi {
  const one = (sid: string, what: string) => `/v1/Services/${checkedSid('MG', sid, what)}`;
  return {
    list: async () =>
      listAllV1(http, {
        path: '/v1/Services',
        key: 'services',
        item: messagingServiceSchema,
        operation: 'list Messaging Services',
      }),
    fetch: async (sid) =>
      send(http, {
        method: 'GET',
        path: one(sid, 'fetch Messaging Service'),
        operation: 'fetch Messaging Service',
        schema: withRequestedId(messagingServiceSchema, 'sid', sid),
      }),
    updateUrls: async (sid, urls) => {
      const given: Record<string, FormValue> = { ...urls };
      return send(http, {
        method: 'POST',
        path: one(sid, 'update Messaging Service'),
        operation: 'update Messaging Service',
        schema: withRequestedId(messagingServiceSchema, 'sid', sid),
        form: Object.fromEntries(URL_FIELDS.filter((f) => given[f] !== undefined).map((f) => [f, given[f]])),
      });
    },
  };
}
