import type { Finding, PlannedAction } from '../../domain/types.js';
import {
  type AccessAttempt,
  type AllowedIp,
  accessRef,
  allowRuleRef,
  type SendgridClient,
} from '../../providers/sendgrid/index.js';
import { findingOf, reasonsOf } from '../kit/judge-resource.js';
import { describeTime, nothingFound, plural } from '../kit/step-kit.js';
import { unjudgedReason } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { addAllowedIps, removeAllowedIp } from './ip-access-actions.js';
import { dispatchByKind } from './playbook-error.js';
import { isCovered, type SendgridTrust, sendgridTrustOf } from './trust.js';

export const REVIEW_IP_ACCESS = 'sendgrid.review-ip-access';

const iso = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString());

const UNSET = 'RECLAIM_TRUSTED_IPS is not set';

/** Without RECLAIM_TRUSTED_IPS no entry can be judged, so every one is left to a person. */
function entryFinding(e: AllowedIp, trust: SendgridTrust): Finding {
  const reasons: string[] = [];
  if (e.ip === null) {
    return findingOf({
      resource: allowRuleRef(e.id),
      summary: `Allowed: (no address in SendGrid's answer, rule ${e.id})`,
      reasons: ['SendGrid did not return its address, so Reclaim cannot judge it: review it in the console'],
    });
  }
  if (!trust.ipsConfigured || !trust.entryTrusted(e.ip)) {
    if (e.ip === '*') reasons.push('allows every address');
    else if (trust.ipsConfigured) reasons.push('not in RECLAIM_TRUSTED_IPS');
    else reasons.push(unjudgedReason('allows', [e.ip], UNSET, 'address'));
    const added = trust.inWindow(iso(e.created_at), 'added');
    if (added) reasons.push(added);
  }
  return findingOf({ resource: allowRuleRef(e.id), summary: `Allowed: ${e.ip}`, reasons });
}

/** How an access attempt got in, as the activity log's `auth_method` says it. */
const HOW: Record<string, string> = {
  basic: 'signed in with a password',
  api: 'used an API key',
  api_key: 'used an API key',
};

function attemptFinding(a: AccessAttempt, trust: SendgridTrust): Finding {
  const how = HOW[a.auth_method ?? ''] ?? `used ${a.auth_method ?? 'the account'}`;
  const when = a.last_at === null ? '' : `, last ${describeTime(new Date(a.last_at * 1000).toISOString())}`;
  const unknown = !trust.ipsConfigured || !trust.ipTrusted(a.ip);
  const suspicious = unknown && a.allowed;
  const reason = trust.ipsConfigured
    ? 'an address not in RECLAIM_TRUSTED_IPS got in'
    : unjudgedReason('got in from', [a.ip], UNSET, 'address');
  return findingOf({
    resource: accessRef(a.ip),
    summary: `${a.ip} (${a.location ?? 'unknown location'}) ${a.allowed ? how : 'was refused'}${when}`,
    reasons: reasonsOf(suspicious && reason),
  });
}

/**
 * With trusted addresses set and the allow list in use: first add every trusted address the kept
 * entries do not cover, then remove each entry that is not trusted. Each removal carries the
 * trusted addresses, so it refuses to run if they are not on the list by then.
 */
function plan(all: AllowedIp[], trusted: readonly string[], trust: SendgridTrust): PlannedAction[] {
  if (!trust.ipsConfigured || all.length === 0) return [];
  // An entry without an address is left to a person (see entryFinding): it is neither kept nor removed.
  const list = all.flatMap((e) => (e.ip === null ? [] : [{ ...e, ip: e.ip }]));
  const kept = list.filter((e) => trust.entryTrusted(e.ip)).map((e) => e.ip);
  const keep = trusted.filter((t) => t.trim() !== '*');
  const missing = [...new Set(keep.filter((t) => !isCovered(t, kept)))];
  // One trusted range can hold another trusted address (203.0.113.0/25 and 203.0.113.50): add the range only.
  const absent = missing.filter((t) => !missing.some((other) => other !== t && isCovered(t, [other])));
  const actions: PlannedAction[] = [];
  if (absent.length > 0) {
    actions.push({
      kind: 'add_allowed_ips',
      target: 'allow-list',
      params: { ips: absent },
      description: `First add the trusted addresses to the allow list: ${absent.join(', ')}`,
    });
  }
  for (const e of list) {
    if (trust.entryTrusted(e.ip)) continue;
    actions.push({
      kind: 'remove_allowed_ip',
      target: allowRuleRef(e.id),
      params: { ruleId: e.id, ip: e.ip, keep },
      description: `Remove ${e.ip} from the allow list`,
    });
  }
  return actions;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const LIST_OFF =
  "the allow list is empty, so IP Access Management is off and any address can sign in or use a key; turning it on locks out every address not listed, so do it in the console once every integration's address is known.";

function summarise(
  list: AllowedIp[],
  attempts: Finding[],
  trust: SendgridTrust,
  actions: PlannedAction[],
): string {
  const got = attempts.filter((f) => f.suspicious).length;
  if (!trust.ipsConfigured) {
    const look = [
      list.length > 0 && `the ${plural(list.length, 'entry', 'entries')} on the allow list`,
      got > 0 && `the ${plural(got, 'address', 'addresses')} that got in recently`,
    ].filter((p): p is string => typeof p === 'string');
    const check = look.length > 0 ? ` Check ${look.join(' and ')} below, or set it and rediscover.` : '';
    return `${UNSET}, so nothing is planned: removing entries without knowing your addresses could lock everyone out, which only SendGrid support can undo.${check}`;
  }
  const seen =
    got > 0 ? ` ${plural(got, 'unknown address', 'unknown addresses')} got into the account recently.` : '';
  if (list.length === 0) return got > 0 ? `${capitalise(LIST_OFF)}${seen}` : nothingFound(LIST_OFF);
  const removals = actions.filter((a) => a.kind === 'remove_allowed_ip').length;
  const adds =
    (actions.find((a) => a.kind === 'add_allowed_ips')?.params.ips as string[] | undefined)?.length ?? 0;
  const entries = plural(list.length, 'entry', 'entries');
  if (actions.length === 0) {
    return got > 0
      ? `All ${entries} on the allow list are trusted.${seen}`
      : nothingFound(`${entries} on the allow list, all trusted.`);
  }
  const parts = [
    adds > 0 && `add ${plural(adds, 'trusted address', 'trusted addresses')} to the allow list`,
    removals > 0 && `remove ${removals} of ${entries} not in RECLAIM_TRUSTED_IPS`,
  ].filter((p): p is string => typeof p === 'string');
  return `${capitalise(parts.join(', then '))}.${seen}`;
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const trust = sendgridTrustOf(ctx);
  const api = ctx.client.accessSettings;
  const [allowed, activity] = await Promise.all([api.listAllowed(), api.listActivity()]);
  const list = allowed.items;
  const attempts = activity.items.map((a) => attemptFinding(a, trust));
  const actions = plan(list, ctx.trusted.ips, trust);
  return withUnreadable(
    {
      findings: [...list.map((e) => entryFinding(e, trust)), ...attempts],
      actions,
      summary: summarise(list, attempts, trust, actions),
    },
    unreadableOf(allowed, activity),
  );
}

export const reviewIpAccessStep: AutomatedStepDefinition<SendgridClient> = {
  id: REVIEW_IP_ACCESS,
  kind: 'automated',
  title: 'Lock the IP allow list to your addresses',
  why: 'With IP Access Management on, only listed addresses can sign in or use a key, so an attacker who added their own address keeps a door open. Your addresses (RECLAIM_TRUSTED_IPS, which must include the host Reclaim runs on) are added before anything is removed, so the clean-up never locks you out.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_IP_ACCESS, {
    add_allowed_ips: addAllowedIps,
    remove_allowed_ip: removeAllowedIp,
  }),
};
