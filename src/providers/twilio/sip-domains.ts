// SIP domains (`…/SIP/Domains`): where their calls are sent, and the credential and IP lists mapped onto them.
import { type Listing, withRequestedId } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, type FormValue, noContent, send } from './request.js';
import {
  type SipDomain,
  type SipDomainMapping,
  sipDomainSchema,
  sipListLinkSchema,
} from './schemas/routing.js';
import { checkedSid, type SidPrefix } from './sid.js';

/** The URL fields of `POST …/SIP/Domains/{SD}.json` (UpdateSipDomain); null clears one. */
export interface SipDomainUrls {
  VoiceUrl?: string | null;
  VoiceFallbackUrl?: string | null;
  VoiceStatusCallbackUrl?: string | null;
}

/** A domain's mapping collections, by their path under the domain. */
export type SipDomainMappingKind =
  | 'CredentialListMappings'
  | 'IpAccessControlListMappings'
  | 'Auth/Calls/CredentialListMappings'
  | 'Auth/Calls/IpAccessControlListMappings'
  | 'Auth/Registrations/CredentialListMappings';

const MAPPING_KINDS: readonly SipDomainMappingKind[] = [
  'CredentialListMappings',
  'IpAccessControlListMappings',
  'Auth/Calls/CredentialListMappings',
  'Auth/Calls/IpAccessControlListMappings',
  'Auth/Registrations/CredentialListMappings',
];

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

export interface SipDomainsApi {
  list(): Promise<Listing<SipDomain>>;
  fetch(sid: string): Promise<SipDomain>;
  updateUrls(sid: string, urls: SipDomainUrls): Promise<SipDomain>;
  mappings(domainSid: string, kind: SipDomainMappingKind): Promise<Listing<SipDomainMapping>>;
  /** 204: the list no longer authenticates calls (or registrations) to the domain; the list stays. */
  deleteMapping(domainSid: string, kind: SipDomainMappingKind, sid: string): Promise<void>;
}

const URL_FIELDS = ['VoiceUrl', 'VoiceFallbackUrl', 'VoiceStatusCallbackUrl'] as const;

export function createSipDomainsApi(http: ProviderHttp, accountSid: string): SipDomainsApi {
  const base = `${accountPath(accountSid)}/SIP/Domains`;
  const domain = (sid: string, what: string) => `${base}/${checkedSid('SD', sid, what)}`;
  return {
    list: async () =>
      listAll(http, {
        path: `${base}.json`,
        key: 'domains',
        item: sipDomainSchema,
        operation: 'list SIP domains',
      }),
    fetch: async (sid) =>
      send(http, {
        method: 'GET',
        path: `${domain(sid, 'fetch SIP domain')}.json`,
        operation: 'fetch SIP domain',
        schema: withRequestedId(sipDomainSchema, 'sid', sid),
      }),
    updateUrls: async (sid, urls) => {
      const given: Record<string, FormValue> = { ...urls };
      return send(http, {
        method: 'POST',
        path: `${domain(sid, 'update SIP domain')}.json`,
        operation: 'update SIP domain',
        schema: withRequestedId(sipDomainSchema, 'sid', sid),
        form: Object.fromEntries(URL_FIELDS.filter((f) => given[f] !== undefined).map((f) => [f, given[f]])),
      });
    },
    mappings: async (domainSid, kind) => {
      const operation = `list SIP domain ${SIP_DOMAIN_MAPPINGS[kind].noun} mappings`;
      return listAll(http, {
        path: `${domain(domainSid, operation)}/${kind}.json`,
        key: SIP_DOMAIN_MAPPINGS[kind].key,
        item: sipListLinkSchema,
        operation,
      });
    },
    deleteMapping: async (domainSid, kind, sid) => {
      const { prefix, noun } = SIP_DOMAIN_MAPPINGS[kind];
      const operation = `remove SIP domain ${noun} mapping`;
      return send(http, {
        method: 'DELETE',
        path: `${domain(domainSid, operation)}/${kind}/${checkedSid(prefix, sid, operation)}.json`,
        operation,
        schema: noContent,
      });
    },
  };
}
