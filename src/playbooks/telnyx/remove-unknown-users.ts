import type { PlannedAction } from '../../domain/types.js';
import type { OrganizationUser, TelnyxClient } from '../../providers/telnyx/index.js';
import type { PlannedResource } from '../kit/action-kit.js';
import { judgeEach, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { domainIsKnown, domainOf, knownDomains } from '../kit/mail-domains.js';
import { nothingFound, plural, removeListed, shownTime } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';

export const REMOVE_UNKNOWN_USERS = 'telnyx.remove-unknown-users';

const OWNER = 'organization_owner';

function describeUser(u: OrganizationUser): string {
  const role = u.record_type === OWNER ? 'owner' : 'user';
  const status = u.user_status && u.user_status !== 'enabled' ? `, ${u.user_status}` : '';
  const signIn = u.last_sign_in_at ? `last signed in ${shownTime(u.last_sign_in_at)}` : 'never signed in';
  return `${role === 'owner' ? 'Owner' : 'User'} ${u.email ?? 'with no address'} (${u.id})${status}, ${signIn}`;
}

/**
 * The owner is never removed. A user added in the window is removed unless their address is on
 * one of your domains (the owner's, and those RECLAIM_TRUSTED_HOSTS names): then a person checks.
 */
function planUser(u: OrganizationUser, trust: Trust, domains: readonly string[]): PlannedResource {
  const summary = describeUser(u);
  if (u.record_type === OWNER) return judgeResource({ resource: u.id, summary, reasons: [] });
  const added = trust.inWindow(u.created_at, 'added');
  if (!added) return judgeResource({ resource: u.id, summary, reasons: [] });
  const domain = domainOf(u.email);
  if (domainIsKnown(domain, domains)) {
    return judgeResource({
      resource: u.id,
      summary,
      reasons: [
        added,
        `on your domain ${domain}: check it is someone you added, and remove it in the portal if not`,
      ],
    });
  }
  const outside = domains.length > 0 && `${domain || 'no address'} is not one of your domains`;
  const signedIn = trust.inWindow(u.last_sign_in_at, 'changed') && 'has signed in since';
  return judgeResource(
    { resource: u.id, summary, reasons: reasonsOf(added, outside, signedIn) },
    {
      kind: 'remove_user',
      target: u.id,
      params: { email: u.email ?? '' },
      description: `Remove user ${u.email ?? u.id} from the organization`,
    },
  );
}

function summarise(users: number, planned: PlannedResource[], actions: PlannedAction[]): string {
  const flagged = planned.filter((p) => p.finding.suspicious && !p.action).length;
  const check =
    flagged > 0 ? ` ${plural(flagged, 'user')} added since on your own domains: check below.` : '';
  if (actions.length === 0) {
    return flagged > 0
      ? check.trim()
      : nothingFound(`${plural(users, 'user')}, none added since the incident began.`);
  }
  return `Remove ${actions.length} of ${plural(users, 'user')}, added since the incident began and not on your domains; the owner stays.${check}`;
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const listing = await ctx.client.organizationUsers.list();
  const owner = listing.items.find((u) => u.record_type === OWNER);
  const domains = knownDomains(owner?.email ?? null, ctx.trusted.hosts);
  return judgeEach(
    ctx,
    async () => listing,
    (u, trust) => planUser(u, trust, domains),
    ({ planned, actions }) => summarise(planned.length, planned, actions),
  );
}

export const removeUnknownUsersStep: AutomatedStepDefinition<TelnyxClient> = {
  id: REMOVE_UNKNOWN_USERS,
  kind: 'automated',
  title: 'Remove users added since the takeover',
  why: 'A user the attacker added to your organization keeps their own login after your password and 2FA change. Users added in the incident window whose address is not on your domains (the owner’s and RECLAIM_TRUSTED_HOSTS) are removed; the owner never is.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REMOVE_UNKNOWN_USERS, {
    remove_user: removeListed(
      (client) => client.organizationUsers,
      (u) => u.id,
      { result: { removed: true } },
    ),
  }),
};
