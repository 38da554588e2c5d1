import type { TwimlApplication } from '../../providers/twilio/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { createUrlResetStep } from './url-reset-step.js';
import { APP_URL_FIELDS } from './webhook-urls.js';

export const RESET_TWIML_APP_URLS = 'twilio.reset-twiml-app-urls';

export const resetTwimlAppUrlsStep = createUrlResetStep<TwimlApplication>({
  id: RESET_TWIML_APP_URLS,
  title: 'Clear TwiML app URLs that point at unknown hosts',
  why: 'Every number using a TwiML app runs whatever TwiML its URL returns, so an app on the attacker’s host can forward calls to premium numbers. Reclaim clears those URLs rather than guess yours; set the right ones in the Console afterwards.',
  kind: 'clear_application_urls',
  noun: 'TwiML app',
  subaccounts: true,
  fields: APP_URL_FIELDS,
  list: (client) => client.applications.list(),
  fetch: (client, sid) => client.applications.fetch(sid),
  update: (client, sid, urls) => client.applications.updateUrls(sid, urls),
  name: (a) => `TwiML app ${namedWithId(a.friendly_name, a.sid)}`,
  clean: 'fetching from an unknown host',
  dirty: 'fetch TwiML or send status to hosts that are not yours',
  consolePath: 'Voice › Manage › TwiML apps',
});
