import type { MessagingService } from '../../providers/twilio/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { createUrlResetStep } from './url-reset-step.js';
import type { UrlField } from './webhook-urls.js';

export const RESET_MESSAGING_SERVICE_URLS = 'twilio.reset-messaging-service-urls';

/** UpdateService's URL fields (messaging v1). */
export const MESSAGING_SERVICE_URL_FIELDS: readonly UrlField[] = [
  ['inbound_request_url', 'InboundRequestUrl', 'inbound request URL'],
  ['fallback_url', 'FallbackUrl', 'fallback URL'],
  ['status_callback', 'StatusCallback', 'status callback'],
];

export const resetMessagingServiceUrlsStep = createUrlResetStep<MessagingService>({
  id: RESET_MESSAGING_SERVICE_URLS,
  title: 'Clear Messaging Service URLs that point at unknown hosts',
  why: 'A Messaging Service’s inbound URL overrides the SMS URL of every number in it, so one on the attacker’s host receives your one-time codes and replies even after the numbers are cleaned. Reclaim clears those URLs rather than guess yours; set the right ones in the Console afterwards.',
  kind: 'clear_messaging_service_urls',
  noun: 'Messaging Service',
  fields: MESSAGING_SERVICE_URL_FIELDS,
  list: (client) => client.messagingServices.list(),
  fetch: (client, sid) => client.messagingServices.fetch(sid),
  update: (client, sid, urls) => client.messagingServices.updateUrls(sid, urls),
  name: (s) => `Messaging Service ${namedWithId(s.friendly_name, s.sid)}`,
  clean: 'sending messages or status to an unknown host',
  dirty: 'send messages or status to hosts that are not yours',
  consolePath: 'Messaging › Services',
});
