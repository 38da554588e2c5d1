// SIP domains of the simulator (2010-04-01): their voice URLs, and the lists mapped onto them.
import { listPage } from './list-page.js';
import type { SimSipDomain } from './routing-state.js';
import { nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, noContent, type SimResponse, twilioErrors } from './sim-http.js';
import { applyReads, readMethod, readText, readUrl } from './validate-form.js';

/** Each mapping collection under a domain, with the array key its listing uses. */
export const DOMAIN_MAPPING_KEYS: Readonly<Record<string, string>> = {
  CredentialListMappings: 'credential_list_mappings',
  IpAccessControlListMappings: 'ip_access_control_list_mappings',
  'Auth/Calls/CredentialListMappings': 'contents',
  'Auth/Calls/IpAccessControlListMappings': 'contents',
  'Auth/Registrations/CredentialListMappings': 'contents',
};

const URL_FIELDS: ReadonlyArray<readonly [string, string, 'url' | 'method']> = [
  ['VoiceUrl', 'voice_url', 'url'],
  ['VoiceMethod', 'voice_method', 'method'],
  ['VoiceFallbackUrl', 'voice_fallback_url', 'url'],
  ['VoiceFallbackMethod', 'voice_fallback_method', 'method'],
  ['VoiceStatusCallbackUrl', 'voice_status_callback_url', 'url'],
  ['VoiceStatusCallbackMethod', 'voice_status_callback_method', 'method'],
];

function domainView(owner: string, d: SimSipDomain) {
  const uri = `/2010-04-01/Accounts/${owner}/SIP/Domains/${d.sid}`;
  return {
    ...structuredClone(d),
    account_sid: owner,
    api_version: '2010-04-01',
    auth_type: 'IP_ACL',
    byoc_trunk_sid: null,
    emergency_caller_sid: null,
    uri: `${uri}.json`,
    subresource_uris: {
      ip_access_control_list_mappings: `${uri}/IpAccessControlListMappings.json`,
      credential_list_mappings: `${uri}/CredentialListMappings.json`,
    },
  };
}

const findDomain = (ctx: SimContext, sid: string) => ctx.state.routing.sipDomains.find((d) => d.sid === sid);

export function listSipDomains(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const owner = ctx.state.account.sid;
  const records = ctx.state.routing.sipDomains.map((d) => domainView(owner, d));
  return listPage(records, { path, key: 'domains', query, filters: [] });
}

export function fetchSipDomain(ctx: SimContext, sid: string, path: string): SimResponse {
  const domain = findDomain(ctx, sid);
  return domain ? jsonResponse(200, domainView(ctx.state.account.sid, domain)) : twilioErrors.notFound(path);
}

/** `POST …/SIP/Domains/{Sid}.json`: the voice URLs and methods, and `FriendlyName`; `''` clears a URL. */
export function updateSipDomain(
  ctx: SimContext,
  sid: string,
  form: URLSearchParams,
  path: string,
): SimResponse {
  const domain = findDomain(ctx, sid);
  if (!domain) return twilioErrors.notFound(path);
  const refused = applyReads(domain as unknown as Record<string, unknown>, [
    ...URL_FIELDS.map(
      ([param, field, kind]) =>
        [field, kind === 'url' ? readUrl(form, param) : readMethod(form, param)] as const,
    ),
    ['friendly_name', readText(form, 'FriendlyName', 64)] as const,
  ]);
  if (refused) return refused;
  domain.date_updated = nowRfc2822(ctx);
  ctx.recordWrite(sid);
  return jsonResponse(200, domainView(ctx.state.account.sid, domain));
}

export function listDomainMappings(
  ctx: SimContext,
  domainSid: string,
  mapping: string,
  query: URLSearchParams,
  path: string,
): SimResponse {
  const key = DOMAIN_MAPPING_KEYS[mapping];
  if (!key || !findDomain(ctx, domainSid)) return twilioErrors.notFound(path);
  const owner = ctx.state.account.sid;
  const records = ctx.state.routing.domainMappings
    .filter((m) => m.domain_sid === domainSid && m.mapping === mapping)
    .map(({ mapping: _m, ...m }) => ({
      ...m,
      account_sid: owner,
      uri: `${path.replace(/\.json$/, '')}/${m.sid}.json`,
    }));
  return listPage(records, { path, key, query, filters: [] });
}

/** `DELETE …/Domains/{DomainSid}/<mapping>/{Sid}.json` (204): unmapped; the list itself stays. */
export function deleteDomainMapping(
  ctx: SimContext,
  domainSid: string,
  mapping: string,
  sid: string,
  path: string,
): SimResponse {
  const routing = ctx.state.routing;
  const index = routing.domainMappings.findIndex(
    (m) => m.domain_sid === domainSid && m.mapping === mapping && m.sid === sid,
  );
  if (index < 0) return twilioErrors.notFound(path);
  routing.domainMappings.splice(index, 1);
  ctx.recordWrite(`${domainSid}/${mapping}/${sid}`);
  return noContent();
}
