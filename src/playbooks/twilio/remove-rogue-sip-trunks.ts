// Elastic SIP trunks: the attacker's trunks, origination URLs on hosts not yours, lists attached in the window.
import { isIP } from 'node:net';
import type { PlannedAction } from '../../domain/types.js';
import { listingHas } from '../../providers/http/index.js';
import {
  SIP_TRUNK_MEMBERS,
  type SipTrunk,
  type SipTrunkMember,
  type SipTrunkMemberKind,
  type TwilioClient,
} from '../../providers/twilio/index.js';
import { discoveryOf, type KindExecutor, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeAddress, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, removeUnlessGone } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind, TwilioPlaybookError, textParam } from './playbook-error.js';

export const REMOVE_ROGUE_SIP_TRUNKS = 'twilio.remove-rogue-sip-trunks';

const KINDS = Object.keys(SIP_TRUNK_MEMBERS) as SipTrunkMemberKind[];

/** The param `name`, which must be a key of `table`; a stored plan with another fails as bad params. */
export function keyParam<K extends string>(
  action: PlannedAction,
  name: string,
  table: Readonly<Record<K, unknown>>,
): K {
  const value = textParam(action, name);
  if (Object.hasOwn(table, value)) return value as K;
  throw new TwilioPlaybookError(
    'twilio_bad_action_params',
    `The planned action "${action.description}" names "${value}" in "${name}", which this release does not know; rediscover to get a fresh plan.`,
    { details: { kind: action.kind, target: action.target, param: name } },
  );
}

/** The host of a SIP URI (`sip:user@pbx.example.com:5060;transport=tls` → `pbx.example.com`), lower case. */
export function sipUriHost(uri: string | null): string | undefined {
  const match = /^sips?:(?:[^@;>]*@)?(\[[^\]]+\]|[^:;>?/]+)/i.exec(uri?.trim() ?? '');
  return match?.[1]?.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Where an origination URL sends calls, judged as an address (IP) or a host name. */
function judgeOrigination(url: SipTrunkMember, trust: Trust): { reasons: string[]; act: boolean } {
  const host = sipUriHost(url.sip_url ?? null);
  const added = trust.inWindow(url.date_created, 'added');
  if (!host) {
    return {
      reasons: reasonsOf(added ?? 'its SIP URL could not be read: review it in the Console'),
      act: !!added,
    };
  }
  const ip = isIP(host) !== 0;
  return judgeAddress(
    host,
    {
      trusted: trust.addressTrusted(host),
      configured: ip ? trust.ipsConfigured : trust.hostsConfigured,
      added,
    },
    ip ? 'in RECLAIM_TRUSTED_IPS' : 'a trusted host',
    ip ? 'RECLAIM_TRUSTED_IPS is not set' : 'RECLAIM_TRUSTED_HOSTS is not set',
  );
}

function planMember(
  trunk: SipTrunk,
  kind: SipTrunkMemberKind,
  m: SipTrunkMember,
  trust: Trust,
): PlannedResource {
  const { noun } = SIP_TRUNK_MEMBERS[kind];
  const trunkName = namedWithId(trunk.friendly_name, trunk.sid);
  const what =
    kind === 'OriginationUrls'
      ? `Origination URL ${m.sip_url ?? m.sid} (${m.sid}${m.enabled === false ? ', disabled' : ''})`
      : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${namedWithId(m.friendly_name, m.sid)}`;
  const judged =
    kind === 'OriginationUrls'
      ? judgeOrigination(m, trust)
      : (() => {
          const added = trust.inWindow(m.date_created, 'added');
          return { reasons: reasonsOf(added), act: !!added };
        })();
  return judgeResource(
    { resource: m.sid, summary: `${what} on SIP trunk ${trunkName}`, reasons: judged.reasons },
    judged.act && {
      kind: 'remove_trunk_member',
      target: m.sid,
      params: { trunkSid: trunk.sid, member: kind },
      description: `Remove ${kind === 'OriginationUrls' ? `origination URL ${m.sip_url ?? m.sid}` : `${noun} ${namedWithId(m.friendly_name, m.sid)}`} from SIP trunk ${trunkName}`,
    },
  );
}

/** A trunk made in the window goes whole (its members with it); the others are judged member by member. */
async function planTrunk(ctx: PlaybookContext<TwilioClient>, trunk: SipTrunk, trust: Trust) {
  const name = namedWithId(trunk.friendly_name, trunk.sid);
  const created = trust.inWindow(trunk.date_created, 'created');
  const listings = await Promise.all(KINDS.map((k) => ctx.client.sipTrunking.members(trunk.sid, k)));
  const unreadable = listings.flatMap((l) => l.unreadable);
  const recovery = trust.untrustedHost([trunk.disaster_recovery_url]);
  if (created) {
    const hosts = [...new Set(listings[0]?.items.flatMap((u) => sipUriHost(u.sip_url ?? null) ?? []) ?? [])];
    const to = hosts.length > 0 ? `, sending calls to ${hosts.join(', ')}` : '';
    const finding = judgeResource(
      {
        resource: trunk.sid,
        summary: `SIP trunk ${name} (${trunk.domain_name ?? 'no domain'})${to}`,
        reasons: [created],
      },
      {
        kind: 'delete_sip_trunk',
        target: trunk.sid,
        params: { friendlyName: trunk.friendly_name ?? '' },
        description: `Delete SIP trunk ${name}, created after the incident began (its origination URLs and lists go with it)`,
      },
    );
    return { planned: [finding], unreadable };
  }
  const members = KINDS.flatMap((k, i) =>
    (listings[i]?.items ?? []).map((m) => planMember(trunk, k, m, trust)),
  );
  const own = judgeResource({
    resource: trunk.sid,
    summary: `SIP trunk ${name} (${trunk.domain_name ?? 'no domain'})`,
    reasons: reasonsOf(
      recovery && `its disaster recovery URL is on ${recovery}, not a trusted host: change it in the Console`,
    ),
  });
  return { planned: [own, ...members], unreadable };
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const trunks = await ctx.client.sipTrunking.list();
  const planned: PlannedResource[] = [];
  const unreadable = [...trunks.unreadable];
  for (const trunk of trunks.items) {
    const judged = await planTrunk(ctx, trunk, trust);
    planned.push(...judged.planned);
    unreadable.push(...judged.unreadable);
  }
  const flagged = planned.filter((p) => p.finding.suspicious && !p.action).length;
  const check =
    flagged > 0 ? ` ${plural(flagged, 'other finding')} cannot be judged or changed here: check below.` : '';
  const discovery = discoveryOf(planned, (actions) => {
    if (trunks.items.length === 0) return nothingFound('no Elastic SIP trunks on the account.');
    if (actions.length === 0 && flagged === 0)
      return nothingFound(
        `${plural(trunks.items.length, 'SIP trunk')}, none made, repointed or opened by the attacker.`,
      );
    const removals =
      actions.length > 0
        ? `Of ${plural(trunks.items.length, 'SIP trunk')}, remove ${plural(actions.length, 'trunk or member', 'trunks or members')} the attacker made or pointed at hosts not yours.`
        : `${plural(trunks.items.length, 'SIP trunk')}, nothing to remove.`;
    return `${removals}${check}`;
  });
  return withUnreadable(discovery, unreadable);
}

const deleteTrunk: KindExecutor<TwilioClient> = (ctx, action, recheck) =>
  removeUnlessGone(
    recheck,
    async () => listingHas(await ctx.client.sipTrunking.list(), action.target, (t) => t.sid),
    () => ctx.client.sipTrunking.delete(action.target),
    { result: { deleted: true } },
  );

const removeMember: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const trunkSid = textParam(action, 'trunkSid');
  const kind = keyParam(action, 'member', SIP_TRUNK_MEMBERS);
  return removeUnlessGone(
    recheck,
    async () => listingHas(await ctx.client.sipTrunking.members(trunkSid, kind), action.target, (m) => m.sid),
    () => ctx.client.sipTrunking.deleteMember(trunkSid, kind, action.target),
    { result: { removed: true, member: kind } },
  );
};

export const removeRogueSipTrunksStep: AutomatedStepDefinition<TwilioClient> = {
  id: REMOVE_ROGUE_SIP_TRUNKS,
  kind: 'automated',
  title: 'Remove the attacker’s SIP trunks and origination URLs',
  why: 'An Elastic SIP trunk carries calls between your account and a PBX: a trunk the attacker made, or an origination URL on their host, lets them place calls on your account or receive your numbers’ calls. A credential or IP list attached to a trunk lets its holders call out.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REMOVE_ROGUE_SIP_TRUNKS, {
    delete_sip_trunk: deleteTrunk,
    remove_trunk_member: removeMember,
  }),
};
