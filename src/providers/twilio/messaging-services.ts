// Messaging Services (`messaging.twilio.com/v1/Services`): the URLs that override their numbers' own.
import type { ProviderHttp } from '../http/types.js';
import { type UrlsOf, urlResource } from './resource.js';
import { messagingServiceSchema } from './schemas/routing.js';

const URL_FIELDS = ['InboundRequestUrl', 'FallbackUrl', 'StatusCallback'] as const;

/** The URL fields of `POST /v1/Services/{Sid}` (UpdateService); null clears one. */
export type MessagingServiceUrls = UrlsOf<typeof URL_FIELDS>;

export type MessagingServicesApi = ReturnType<typeof createMessagingServicesApi>;

export function createMessagingServicesApi(http: ProviderHttp) {
  return urlResource(http, {
    base: '/v1/Services',
    v1: true,
    key: 'services',
    item: messagingServiceSchema,
    prefix: 'MG',
    noun: 'Messaging Service',
    fields: URL_FIELDS,
  });
}
