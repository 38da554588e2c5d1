// trunking v1 of the simulator: trunks and their origination URLs, credential lists and IP access control lists.
import { v1ListPage } from './list-page-v1.js';
import type { SimTrunk, SimTrunkMember } from './routing-state.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, noContent, type SimResponse, twilioErrors } from './sim-http.js';

const ORIGIN = 'https://trunking.twilio.com';
const MEMBER_KEYS: Record<SimTrunkMember['member'], string> = {
  OriginationUrls: 'origination_urls',
  CredentialLists: 'credential_lists',
  IpAccessControlLists: 'ip_access_control_lists',
};

function trunkView(owner: string, t: SimTrunk) {
  const url = `${ORIGIN}/v1/Trunks/${t.sid}`;
  return {
    ...structuredClone(t),
    account_sid: owner,
    auth_type: null,
    auth_type_set: [],
    recording: { mode: 'do-not-record', trim: 'do-not-trim' },
    symmetric_rtp_enabled: false,
    transfer_caller_id: 'from-transferee',
    url,
    links: Object.fromEntries(
      [...Object.keys(MEMBER_KEYS), 'PhoneNumbers', 'Recording'].map((k) => [k.toLowerCase(), `${url}/${k}`]),
    ),
  };
}

function memberView(owner: string, m: SimTrunkMember) {
  const { member, ...rest } = structuredClone(m);
  return { ...rest, account_sid: owner, url: `${ORIGIN}/v1/Trunks/${m.trunk_sid}/${member}/${m.sid}` };
}

export function listTrunks(ctx: SimContext, query: URLSearchParams): SimResponse {
  const owner = ctx.state.account.sid;
  const records = ctx.state.routing.trunks.map((t) => trunkView(owner, t));
  return v1ListPage(records, { origin: ORIGIN, path: '/v1/Trunks', key: 'trunks', query });
}

/** `DELETE /v1/Trunks/{Sid}` (204): the trunk and everything attached to it go. */
export function deleteTrunk(ctx: SimContext, sid: string, path: string): SimResponse {
  const routing = ctx.state.routing;
  if (!routing.trunks.some((t) => t.sid === sid)) return twilioErrors.notFound(path);
  routing.trunks = routing.trunks.filter((t) => t.sid !== sid);
  routing.trunkMembers = routing.trunkMembers.filter((m) => m.trunk_sid !== sid);
  ctx.recordWrite(sid);
  return noContent();
}

function memberKind(kind: string): SimTrunkMember['member'] | undefined {
  return Object.hasOwn(MEMBER_KEYS, kind) ? (kind as SimTrunkMember['member']) : undefined;
}

export function listTrunkMembers(
  ctx: SimContext,
  trunkSid: string,
  kind: string,
  query: URLSearchParams,
  path: string,
): SimResponse {
  const member = memberKind(kind);
  if (!member || !ctx.state.routing.trunks.some((t) => t.sid === trunkSid))
    return twilioErrors.notFound(path);
  const owner = ctx.state.account.sid;
  const records = ctx.state.routing.trunkMembers
    .filter((m) => m.trunk_sid === trunkSid && m.member === member)
    .map((m) => memberView(owner, m));
  return v1ListPage(records, { origin: ORIGIN, path, key: MEMBER_KEYS[member], query });
}

export function fetchTrunkMember(ctx: SimContext, trunkSid: string, kind: string, sid: string, path: string) {
  const found = ctx.state.routing.trunkMembers.find(
    (m) => m.trunk_sid === trunkSid && m.member === memberKind(kind) && m.sid === sid,
  );
  return found ? jsonResponse(200, memberView(ctx.state.account.sid, found)) : twilioErrors.notFound(path);
}

/** `DELETE /v1/Trunks/{TrunkSid}/<kind>/{Sid}` (204): detached; a credential or IP list itself stays. */
export function deleteTrunkMember(
  ctx: SimContext,
  trunkSid: string,
  kind: string,
  sid: string,
  path: string,
): SimResponse {
  const routing = ctx.state.routing;
  const index = routing.trunkMembers.findIndex(
    (m) => m.trunk_sid === trunkSid && m.member === memberKind(kind) && m.sid === sid,
  );
  if (index < 0) return twilioErrors.notFound(path);
  routing.trunkMembers.splice(index, 1);
  ctx.recordWrite(`${trunkSid}/${sid}`);
  return noContent();
}
