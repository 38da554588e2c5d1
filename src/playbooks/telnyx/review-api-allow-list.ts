import type { PlannedAction } from '../../domain/types.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { collectPlans, type PlannedResource } from '../kit/action-kit.js';
import { entryIsTrusted, isCovered } from '../kit/allow-list.js';
import { judgeAddress, judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { addAccessIps, removeAccessIp } from './access-list-actions.js';
import { type AccessEntry, readAccessList } from './access-list-entries.js';
import { TELNYX_PORTAL } from './manual-steps.js';
import { dispatchByKind } from './playbook-error.js';

export const REVIEW_API_ALLOW_LIST = 'telnyx.review-api-allow-list';

const UNSET = 'RECLAIM_TRUSTED_IPS is not set';

function judgeEntry(e: AccessEntry, trust: Trust, trusted: readonly string[]) {
  const what = `API allow-list ${e.list} ${e.address ?? '(no address in Telnyx’s answer)'}`;
  const summary = `${what}${e.description ? ` “${e.description}”` : ''}${e.status === 'pending' ? ', pending' : ''}`;
  if (e.address === null) {
    const reasons = [
      'Telnyx did not return its address, so Reclaim cannot judge it: review it in the portal',
    ];
    return { entry: e, act: false, planned: judgeResource({ resource: e.id, summary, reasons }) };
  }
  const { reasons, act } = judgeAddress(
    e.address,
    {
      trusted: entryIsTrusted(e.address, trusted),
      configured: trust.ipsConfigured,
      added: trust.inWindow(e.created_at, 'added'),
    },
    'in RECLAIM_TRUSTED_IPS',
    UNSET,
  );
  return { entry: e, act, planned: judgeResource({ resource: e.id, summary, reasons }) };
}

/**
 * The plan never leaves the list allowing some addresses but maybe not Reclaim's: one removal that
 * empties the list (it is then off) is safe; otherwise the trusted addresses (which include the
 * host Reclaim runs on) are added first and every removal keeps them. With no trusted addresses
 * and more than that to remove, nothing is planned (`blocked`).
 */
function plan(judged: ReturnType<typeof judgeEntry>[], trusted: readonly string[], trust: Trust) {
  const removals = judged.filter((j) => j.act).map((j) => j.entry);
  const kept = judged.filter((j) => !j.act).map((j) => j.entry);
  if (removals.length === 0) return { actions: [], blocked: false, empties: false };
  const empties = kept.length === 0 && removals.length === 1;
  if (!empties && !trust.ipsConfigured) return { actions: [], blocked: true, empties: false };
  const keep = empties ? [] : trusted.filter((t) => t.trim() !== '*');
  const listed = kept.flatMap((e) => (e.address === null ? [] : [e.address]));
  const missing = [...new Set(keep.filter((t) => !isCovered(t, listed)))];
  const absent = missing.filter((t) => !missing.some((other) => other !== t && isCovered(t, [other])));
  const actions: PlannedAction[] = [];
  if (absent.length > 0) {
    actions.push({
      kind: 'add_access_ips',
      target: 'api-allow-list',
      params: { ips: absent },
      description: `First add your trusted addresses to the API allow-list, so Reclaim stays allowed: ${absent.join(', ')}`,
    });
  }
  for (const e of removals) {
    actions.push({
      kind: 'remove_access_ip',
      target: e.id,
      params: { list: e.list, address: e.address ?? '', keep },
      description: `Remove ${e.address} from the API allow-list`,
    });
  }
  return { actions, blocked: false, empties };
}

function summarise(entries: AccessEntry[], flagged: number, result: ReturnType<typeof plan>): string {
  const all = plural(entries.length, 'entry', 'entries');
  if (result.blocked) {
    return `${plural(flagged, 'entry', 'entries')} of the API allow-list look like the attacker’s, but Reclaim is not removing them: ${UNSET}, so it cannot tell whether the address it calls from would still be allowed once they are gone, and a removal could lock Reclaim and your integrations out of the API. Set RECLAIM_TRUSTED_IPS (with Reclaim’s own address) and rediscover, or remove them in the portal (${TELNYX_PORTAL}).`;
  }
  const { actions } = result;
  const removals = actions.filter((a) => a.kind === 'remove_access_ip').length;
  const blank = entries.filter((e) => e.address === null).length;
  const noAddress =
    blank > 0
      ? ` ${plural(blank, 'entry', 'entries')} came without an address: review them in the portal.`
      : '';
  if (removals === 0) {
    if (entries.length === 0) return nothingFound('the API allow-list is empty, so it restricts no address.');
    const unjudged = flagged - blank;
    if (unjudged > 0) {
      return `${plural(unjudged, 'entry', 'entries')} of the ${all} on the API allow-list cannot be judged (${UNSET}): check them below.${noAddress}`;
    }
    return blank > 0 ? noAddress.trim() : nothingFound(`${all} on the API allow-list, all yours.`);
  }
  const added =
    (actions.find((a) => a.kind === 'add_access_ips')?.params.ips as string[] | undefined)?.length ?? 0;
  const first =
    added > 0
      ? `Add ${plural(added, 'trusted address', 'trusted addresses')} first, so Reclaim stays allowed, then remove`
      : 'Remove';
  const after = result.empties
    ? ' The list is then empty, so it restricts no address, as before the attacker’s entry.'
    : '';
  return `${first} ${removals} of the ${all} on the API allow-list that are not yours.${after}${noAddress}`;
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const { entries, listings } = await readAccessList(ctx.client);
  const judged = entries.map((e) => judgeEntry(e, trust, ctx.trusted.ips));
  const result = plan(judged, ctx.trusted.ips, trust);
  const planned: PlannedResource[] = judged.map((j) => j.planned);
  const { findings } = collectPlans(planned);
  const flagged = findings.filter((f) => f.suspicious).length;
  return withUnreadable(
    { findings, actions: result.actions, summary: summarise(entries, flagged, result) },
    unreadableOf(...listings),
  );
}

export const reviewApiAllowListStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REVIEW_API_ALLOW_LIST,
  kind: 'automated',
  title: 'Remove unknown addresses from the API allow-list',
  why: 'The API access allow-list decides which addresses may use your API keys, so an attacker who adds their own keeps a way in or can shut you out. Entries not in RECLAIM_TRUSTED_IPS (or, without it, added in the incident window) are removed, and never so that Reclaim’s own address, which RECLAIM_TRUSTED_IPS must include, stops being allowed.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_API_ALLOW_LIST, {
    add_access_ips: addAccessIps,
    remove_access_ip: removeAccessIp,
  }),
};
