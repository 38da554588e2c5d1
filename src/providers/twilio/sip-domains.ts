// SIP domains (`…/SIP/Domains`): where their calls are sent, and the credential and IP lists mapped onto them.
import type { ProviderHttp } from '../http/types.js';
import { accountPath } from './request.js';
import { resource, type UrlsOf, urlResource } from './resource.js';
import { sipDomainSchema, sipListLinkSchema } from './schemas/routing.js';
import { checkedSid, type SidPrefix } from './sid.js';

const URL_FIELDS = ['VoiceUrl', 'VoiceFallbackUrl', 'VoiceStatusCallbackUrl'] as const;

/** The URL fields of `POST …/SIP/Domains/{SD}.json` (UpdateSipDomain); null clears one. */
export type SipDomainUrls = UrlsOf<typeof URL_FIELDS>;

const MAPPING_KINDS = [
  'CredentialListMappings',
  'IpAccessControlListMappings',
  'Auth/Calls/CredentialListMappings',
  'Auth/Calls/IpAccessControlListMappings',
  'Auth/Registrations/CredentialListMappings',
] as const;

/** A domain's mapping collections, by their path under the domain. */
export type SipDomainMappingKind = (typeof MAPPING_KINDS)[number];

/**
 * Each collection's array key (the legacy ones by their name, the Auth ones under `contents`), SID
 * prefix (`CL` credential lists, `AL` IP access control lists) and name.
 */
export const SIP_DOMAIN_MAPPINGS = Object.fromEntries(
  MAPPING_KINDS.map((kind) => {
    const ip = kind.includes('IpAccessControlList');
    const use = kind.startsWith('Auth/') ? ` for ${kind.split('/')[1]?.toLowerCase()}` : '';
    const key = use ? 'contents' : ip ? 'ip_access_control_list_mappings' : 'credential_list_mappings';
    const noun = `${ip ? 'IP access control list' : 'credential list'}${use}`;
    return [kind, { key, prefix: (ip ? 'AL' : 'CL') as SidPrefix, noun }];
  }),
) as Readonly<Record<SipDomainMappingKind, { key: string; prefix: SidPrefix; noun: string }>>;

export type SipDomainsApi = ReturnType<typeof createSipDomainsApi>;

export function createSipDomainsApi(http: ProviderHttp, accountSid: string) {
  const base = `${accountPath(accountSid)}/SIP/Domains`;
  const mapping = (domainSid: string, kind: SipDomainMappingKind) => {
    const { key, prefix, noun } = SIP_DOMAIN_MAPPINGS[kind];
    return resource(http, {
      base: (operation) => `${base}/${checkedSid('SD', domainSid, operation)}/${kind}`,
      key,
      item: sipListLinkSchema,
      prefix,
      noun: `SIP domain ${noun} mapping`,
      operations: { delete: `remove SIP domain ${noun} mapping` },
    });
  };
  return {
    ...urlResource(http, {
      base,
      key: 'domains',
      item: sipDomainSchema,
      prefix: 'SD',
      noun: 'SIP domain',
      fields: URL_FIELDS,
    }),
    mappings: async (domainSid: string, kind: SipDomainMappingKind) => mapping(domainSid, kind).list(),
    /** 204: the list no longer authenticates calls (or registrations) to the domain; the list stays. */
    deleteMapping: async (domainSid: string, kind: SipDomainMappingKind, sid: string) =>
      mapping(domainSid, kind).delete(sid),
  };
}
