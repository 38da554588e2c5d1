import type { IncomingPhoneNumber } from '../../providers/twilio/index.js';
import { createUrlResetStep } from './url-reset-step.js';
import { NUMBER_URL_FIELDS } from './webhook-urls.js';

export const RESET_NUMBER_WEBHOOKS = 'twilio.reset-number-webhooks';

function name(n: IncomingPhoneNumber): string {
  const friendly = n.friendly_name && n.friendly_name !== n.phone_number ? ` “${n.friendly_name}”` : '';
  return `number ${n.phone_number ?? n.sid}${friendly}`;
}

export const resetNumberWebhooksStep = createUrlResetStep<IncomingPhoneNumber>({
  id: RESET_NUMBER_WEBHOOKS,
  title: 'Clear number webhooks that point at unknown hosts',
  why: 'A number whose voice or SMS URL is on the attacker’s host hands them your calls and messages (forwarding, one-time codes). Reclaim clears those URLs rather than guess yours; set the right ones in the Console afterwards.',
  kind: 'clear_number_urls',
  noun: 'number',
  subaccounts: true,
  fields: NUMBER_URL_FIELDS,
  list: (client) => client.incomingPhoneNumbers.list(),
  fetch: (client, sid) => client.incomingPhoneNumbers.fetch(sid),
  update: (client, sid, urls) => client.incomingPhoneNumbers.updateUrls(sid, urls),
  name,
  clean: 'sending calls or messages to an unknown host',
  dirty: 'send calls, messages or status to hosts that are not yours',
  consolePath: 'Phone Numbers › Manage › Active numbers',
});
