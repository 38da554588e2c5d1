// Elastic SIP Trunking v1 (`trunking.twilio.com/v1/Trunks`): trunks, their origination URLs and the lists they let in.
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAllV1 } from './pagination-v1.js';
import { noContent, send } from './request.js';
import {
  type SipTrunk,
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
export interface SipTrunkingApi {
  list(): Promise<Listing<SipTrunk>>;
  members(trunkSid: string, kind: SipTrunkMemberKind): Promise<Listing<SipTrunkMember>>;
  delete(trunkSid: string): Promise<void>;
  deleteMember(trunkSid: string, kind: SipTrunkMemberKind, sid: string): Promise<void>;
}

export function createSipTrunkingApi(http: ProviderHttp): SipTrunkingApi {
  const trunk = (sid: string, what: string) => `/v1/Trunks/${checkedSid('TK', sid, what)}`;
  return {
    list: async () =>
      listAllV1(http, {
        path: '/v1/Trunks',
        key: 'trunks',
        item: sipTrunkSchema,
        operation: 'list SIP trunks',
      }),
    members: async (trunkSid, kind) => {
      const operation = `list SIP trunk ${SIP_TRUNK_MEMBERS[kind].noun}s`;
      return listAllV1(http, {
        path: `${trunk(trunkSid, operation)}/${kind}`,
        key: SIP_TRUNK_MEMBERS[kind].key,
        item: kind === 'OriginationUrls' ? sipOriginationUrlSchema : sipListLinkSchema,
        operation,
      });
    },
    delete: async (trunkSid) =>
      send(http, {
        method: 'DELETE',
        path: trunk(trunkSid, 'delete SIP trunk'),
        operation: 'delete SIP trunk',
        schema: noContent,
      }),
    deleteMember: async (trunkSid, kind, sid) => {
      const { prefix, noun } = SIP_TRUNK_MEMBERS[kind];
      const operation = `remove SIP trunk ${noun}`;
      return send(http, {
        method: 'DELETE',
        path: `${trunk(trunkSid, operation)}/${kind}/${checkedSid(prefix, sid, operation)}`,
        operation,
        schema: noContent,
      });
    },
  };
}
