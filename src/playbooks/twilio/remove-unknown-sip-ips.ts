import { listingHas } from '../../providers/http/index.js';
import type { SipIpAccessControlList, SipIpAddress, TwilioClient } from '../../providers/twilio/index.js';
import { discoveryOf, type KindExecutor, type PlannedResource } from '../kit/action-kit.js';
import { cidrContains } from '../kit/cidr-contains.js';
import { judgeAddress, judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural, removeUnlessGone } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind, textParam } from './playbook-error.js';

type TwilioContext = PlaybookContext<TwilioClient>;

export const REMOVE_UNKNOWN_SIP_IPS = 'twilio.remove-unknown-sip-ips';

/** The prefix an entry really has: Twilio's 0 (the default) means the one address, like 32. */
function effectivePrefix(entry: SipIpAddress): number {
  const bits = entry.cidr_prefix_length;
  return bits === null || bits <= 0 || bits > 32 ? 32 : bits;
}

/**
 * Whether every address `ip/prefix` lets in is inside one trusted address or range: a trusted
 * range at most as narrow as the entry's that holds the entry's address holds all of it.
 */
export function rangeIsTrusted(ip: string, prefix: number, trusted: readonly string[]): boolean {
  return trusted.some((range) => {
    const bitsText = range.trim().split('/')[1];
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    return Number.isInteger(bits) && bits <= prefix && cidrContains(range, ip);
  });
}

function planAddress(
  ip: SipIpAddress,
  acl: SipIpAccessControlList,
  ctx: TwilioContext,
  trust: Trust,
): PlannedResource {
  if (ip.ip_address === null) {
    // The spec lets `ip_address` be null: nothing can judge the entry, so a person looks.
    return judgeResource({
      resource: ip.sid,
      summary: `IP entry ${ip.sid} (no address in Twilio's answer) on IP access control list “${acl.friendly_name ?? acl.sid}”`,
      reasons: ['Twilio did not return its address, so Reclaim cannot judge it: review it in the Console'],
    });
  }
  const address = ip.ip_address;
  const prefix = effectivePrefix(ip);
  const shown = prefix === 32 ? address : `${address}/${prefix}`;
  const aclName = acl.friendly_name ?? acl.sid;
  const { reasons, act } = judgeAddress(
    shown,
    {
      trusted: rangeIsTrusted(address, prefix, ctx.trusted.ips),
      configured: trust.ipsConfigured,
      added: trust.inWindow(ip.date_created, 'added'),
    },
    'in RECLAIM_TRUSTED_IPS',
    'RECLAIM_TRUSTED_IPS is not set',
  );
  return judgeResource(
    { resource: ip.sid, summary: `IP ${shown} on IP access control list “${aclName}”`, reasons },
    act && {
      kind: 'remove_sip_ip',
      target: ip.sid,
      params: { aclSid: acl.sid, aclName, ipAddress: shown },
      description: `Remove ${shown} from IP access control list “${aclName}”`,
    },
  );
}

async function discover(ctx: TwilioContext): Promise<Discovery> {
  const trust = trustOf(ctx);
  const listed = await ctx.client.sipIpAccess.lists();
  const acls = listed.items;
  const planned: PlannedResource[] = [];
  const unreadable = [...listed.unreadable];
  const blank = new Set<string>();
  for (const acl of acls) {
    const addresses = await ctx.client.sipIpAccess.addresses(acl.sid);
    unreadable.push(...addresses.unreadable);
    for (const ip of addresses.items) if (ip.ip_address === null) blank.add(ip.sid);
    planned.push(...addresses.items.map((ip) => planAddress(ip, acl, ctx, trust)));
  }
  const unjudged = planned.filter(
    (p) => p.finding.suspicious && !p.action && !blank.has(p.finding.resource),
  ).length;
  const noAddress =
    blank.size === 0
      ? ''
      : ` ${plural(blank.size, 'entry', 'entries')} came without an address: review ${blank.size === 1 ? 'it' : 'them'} in the Console.`;
  const discovery = discoveryOf(
    planned,
    (actions) =>
      `${summarise(acls.length, planned.length, actions.length, unjudged, trust.ipsConfigured)}${noAddress}`,
  );
  return withUnreadable(discovery, unreadable);
}

/** `unjudged`: addresses flagged for a person because no RECLAIM_TRUSTED_IPS could judge them. */
function summarise(
  lists: number,
  total: number,
  actions: number,
  unjudged: number,
  configured: boolean,
): string {
  const acls = plural(lists, 'IP access control list');
  const addresses = plural(total, 'address', 'addresses');
  if (total === 0) return nothingFound(`${acls}, no addresses on them.`);
  const note = configured
    ? ''
    : ' RECLAIM_TRUSTED_IPS is not set, so addresses are judged only by when they were added.';
  if (actions === 0 && unjudged === 0) return nothingFound(`${addresses} on ${acls}, none unknown.${note}`);
  const check =
    unjudged === 0
      ? ''
      : `${unjudged} of ${addresses} on your IP access control lists cannot be judged (RECLAIM_TRUSTED_IPS is not set): check ${unjudged === 1 ? 'it' : 'them'} below, or set it and rediscover.`;
  if (actions === 0) return check;
  return `${actions} of ${addresses} on your IP access control lists are not yours: remove them.${check ? ` ${check}` : note}`;
}

/** DELETE the address; one already gone counts as removed. */
const removeSipIp: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
  const aclSid = textParam(action, 'aclSid');
  return removeUnlessGone(
    recheck,
    async () => listingHas(await ctx.client.sipIpAccess.addresses(aclSid), action.target, (ip) => ip.sid),
    () => ctx.client.sipIpAccess.deleteAddress(aclSid, action.target),
    { result: { removed: true } },
  );
};

export const removeUnknownSipIpsStep: AutomatedStepDefinition<TwilioClient> = {
  id: REMOVE_UNKNOWN_SIP_IPS,
  kind: 'automated',
  title: 'Remove unknown IPs from SIP IP access control lists',
  why: 'An address on an IP access control list can send SIP traffic to your domains without any password, so an attacker who adds theirs can call out on your account. Only your addresses should stay.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REMOVE_UNKNOWN_SIP_IPS, { remove_sip_ip: removeSipIp }),
};
