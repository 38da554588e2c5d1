// Elastic SIP Trunking v1 (`trunking.twilio.com/v1/Trunks`): trunks, their origination URLs and the lists they let in.
import type { z } from 'zod';
import type { ProviderHttp } from '../http/types.js';
import { resource } from './resource.js';
import {
  type SipTrunkMember,
  sipListLinkSchema,
  sipOriginationUrlSchema,
  sipTrunkSchema,
} from './schemas/routing.js';
import { checkedSid, type SidPrefix } from './sid.js';

/** A trunk's member collections, by their path segment. */
export type SipTrunkMemberKind = 'OriginationUrls' | 'CredentialLists' | 'IpAccessControlLists';

/** Each member collection's array key, SID prefix and name (ListOriginationUrl, ListCredentialList, ListIpAccessControlList). */
export const SIP_TRUNK_MEMBERS: Readonly<
  Record<SipTrunkMemberKind, { key: string; prefix: SidPrefix; noun: string }>
> = {
  OriginationUrls: { key: 'origination_urls', prefix: 'OU', noun: 'origination URL' },
  CredentialLists: { key: 'credential_lists', prefix: 'CL', noun: 'credential list' },
  IpAccessControlLists: { key: 'ip_access_control_lists', prefix: 'AL', noun: 'IP access control list' },
};

/**
 * `GET /v1/Trunks`, `GET /v1/Trunks/{TrunkSid}/<kind>`, `DELETE /v1/Trunks/{Sid}` and
 * `DELETE /v1/Trunks/{TrunkSid}/<kind>/{Sid}` (all 204). Deleting an association only detaches the
 * credential list or IP access control list from the trunk; the list itself stays.
 */
export type SipTrunkingApi = ReturnType<typeof createSipTrunkingApi>;

export function createSipTrunkingApi(http: ProviderHttp) {
  const trunks = resource(http, {
    base: '/v1/Trunks',
    v1: true,
    key: 'trunks',
    item: sipTrunkSchema,
    prefix: 'TK',
    noun: 'SIP trunk',
  });
  const members = (trunkSid: string, kind: SipTrunkMemberKind) => {
    const { key, prefix, noun } = SIP_TRUNK_MEMBERS[kind];
    const item: z.ZodType<SipTrunkMember> =
      kind === 'OriginationUrls' ? sipOriginationUrlSchema : sipListLinkSchema;
    return resource(http, {
      base: (operation) => `/v1/Trunks/${checkedSid('TK', trunkSid, operation)}/${kind}`,
      v1: true,
      key,
      item,
      prefix,
      noun: `SIP trunk ${noun}`,
      operations: { delete: `remove SIP trunk ${noun}` },
    });
  };
  return {
    list: trunks.list,
    members: async (trunkSid: string, kind: SipTrunkMemberKind) => members(trunkSid, kind).list(),
    delete: trunks.delete,
    deleteMember: async (trunkSid: string, kind: SipTrunkMemberKind, sid: string) =>
      members(trunkSid, kind).delete(sid),
  };
}
