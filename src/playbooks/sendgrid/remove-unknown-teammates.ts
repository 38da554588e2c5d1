import type { PlannedAction } from '../../domain/types.js';
import {
  inviteRef,
  type PendingInvite,
  type SendgridClient,
  type Teammate,
} from '../../providers/sendgrid/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { withOwnerFinding } from './owner-anchor.js';
import { readOwnerEmail } from './owner-email.js';
import { dispatchByKind } from './playbook-error.js';
import { cancelInvite, deleteTeammate } from './teammate-actions.js';
import { domainOf, type SendgridTrust, sendgridTrustOf } from './trust.js';

export const REMOVE_UNKNOWN_TEAMMATES = 'sendgrid.remove-unknown-teammates';

function outsider(email: string | null, trust: SendgridTrust): string | undefined {
  if (trust.domains.length === 0 || trust.domainKnown(email)) return undefined;
  return `${email ?? 'no address'} is not on your domains (${trust.domains.join(', ')})`;
}

/** The owner is never removed; anyone else outside your domains is. */
function planTeammate(t: Teammate, trust: SendgridTrust): PlannedResource {
  const role = t.user_type === 'owner' ? 'owner' : t.is_admin ? 'admin' : 'teammate';
  const summary = `Teammate ${t.username} <${t.email ?? 'no address'}>, ${role}`;
  if (t.user_type === 'owner') return judgeResource({ resource: t.username, summary, reasons: [] });
  const why = outsider(t.email, trust);
  return judgeResource(
    {
      resource: t.username,
      summary,
      reasons: why
        ? [why, ...reasonsOf(t.is_admin && 'is an admin: can do anything the owner can, but billing')]
        : [],
    },
    why !== undefined && {
      kind: 'delete_teammate',
      target: t.username,
      params: { email: t.email ?? '' },
      description: `Remove ${role} ${t.username} <${t.email ?? 'no address'}>`,
    },
  );
}

function planInvite(i: PendingInvite, trust: SendgridTrust): PlannedResource {
  const ref = inviteRef(i.token);
  const kind = i.is_admin ? 'admin invitation' : 'invitation';
  const why = outsider(i.email, trust);
  return judgeResource(
    { resource: ref, summary: `Pending ${kind} to ${i.email ?? 'no address'}`, reasons: reasonsOf(why) },
    why !== undefined && {
      kind: 'cancel_invite',
      target: ref,
      params: { email: i.email ?? '' },
      description: `Cancel the ${kind} to ${i.email ?? 'no address'}`,
    },
  );
}

function summarise(
  trust: SendgridTrust,
  teammates: number,
  invites: number,
  actions: PlannedAction[],
): string {
  if (teammates + invites === 0) return nothingFound('no teammates and no pending invitations.');
  if (trust.domains.length === 0) {
    return `Reclaim knows none of your domains (the account email could not be read or is free mail, and RECLAIM_TRUSTED_HOSTS is not set), so nobody is planned for removal; check the ${plural(teammates, 'teammate')} in the console.`;
  }
  const removals = actions.filter((a) => a.kind === 'delete_teammate').length;
  const cancels = actions.length - removals;
  if (actions.length === 0) {
    return nothingFound(
      `${plural(teammates, 'teammate')} and ${plural(invites, 'pending invitation')}, all on your domains.`,
    );
  }
  const domains = [...new Set(actions.map((a) => domainOf(a.params.email as string)))].join(', ');
  return `Remove ${removals} of ${plural(teammates, 'teammate')} and cancel ${cancels} of ${plural(invites, 'invitation')} from outside your domains (${domains}). If one of them is yours (a contractor on another domain), add that domain to RECLAIM_TRUSTED_HOSTS and rediscover, or reject the plan.`;
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const [teammateList, inviteList, ownerEmail] = await Promise.all([
    ctx.client.teammates.list(),
    ctx.client.teammates.listPending(),
    readOwnerEmail(ctx),
  ]);
  const [teammates, invites] = [teammateList.items, inviteList.items];
  const trust = sendgridTrustOf(ctx, ownerEmail);
  const planned = [
    ...teammates.map((t) => planTeammate(t, trust)),
    ...invites.map((i) => planInvite(i, trust)),
  ];
  const discovery = discoveryOf(planned, (actions) =>
    summarise(trust, teammates.length, invites.length, actions),
  );
  return withUnreadable(
    withOwnerFinding(discovery, trust, teammates.length + invites.length),
    unreadableOf(teammateList, inviteList),
  );
}

export const removeUnknownTeammatesStep: AutomatedStepDefinition<SendgridClient> = {
  id: REMOVE_UNKNOWN_TEAMMATES,
  kind: 'automated',
  title: 'Remove teammates and invitations from outside your domains',
  why: 'A teammate the attacker added keeps their own login after your password changes, and a pending invitation lets them add one later. SendGrid shows no dates for either, so anyone whose address is not on your domains (the owner’s email domain and RECLAIM_TRUSTED_HOSTS) is removed; the owner never is.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REMOVE_UNKNOWN_TEAMMATES, {
    delete_teammate: deleteTeammate,
    cancel_invite: cancelInvite,
  }),
};
