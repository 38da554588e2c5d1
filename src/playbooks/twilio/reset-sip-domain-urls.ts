import type { SipDomain } from '../../providers/twilio/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { createUrlResetStep } from './url-reset-step.js';
import type { UrlField } from './webhook-urls.js';

export const RESET_SIP_DOMAIN_URLS = 'twilio.reset-sip-domain-urls';

/** UpdateSipDomain's URL fields. */
export const SIP_DOMAIN_URL_FIELDS: readonly UrlField[] = [
  ['voice_url', 'VoiceUrl', 'voice URL'],
  ['voice_fallback_url', 'VoiceFallbackUrl', 'voice fallback URL'],
  ['voice_status_callback_url', 'VoiceStatusCallbackUrl', 'voice status callback URL'],
];

export const resetSipDomainUrlsStep = createUrlResetStep<SipDomain>({
  id: RESET_SIP_DOMAIN_URLS,
  title: 'Clear SIP domain voice URLs that point at unknown hosts',
  why: 'Every call to a SIP domain runs the TwiML its voice URL returns, so a domain whose URL is on the attacker’s host forwards your desk phones’ calls wherever they like. Reclaim clears those URLs rather than guess yours; set the right ones in the Console afterwards.',
  kind: 'clear_sip_domain_urls',
  noun: 'SIP domain',
  fields: SIP_DOMAIN_URL_FIELDS,
  list: (client) => client.sipDomains.list(),
  fetch: (client, sid) => client.sipDomains.fetch(sid),
  update: (client, sid, urls) => client.sipDomains.updateUrls(sid, urls),
  name: (d) => `SIP domain ${namedWithId(d.friendly_name, d.sid)}${d.domain_name ? ` ${d.domain_name}` : ''}`,
  clean: 'sending calls to an unknown host',
  dirty: 'send calls or call status to hosts that are not yours',
  consolePath: 'Voice › Manage › SIP domains',
});
