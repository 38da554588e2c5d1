import type { PlannedAction } from '../../domain/types.js';
import type { BrandedDomain, SendgridClient, VerifiedSender } from '../../providers/sendgrid/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { withOwnerFinding } from './owner-anchor.js';
import { readOwnerEmail } from './owner-email.js';
import { dispatchByKind } from './playbook-error.js';
import { deleteAuthenticatedDomain, deleteBrandedLink, deleteVerifiedSender } from './sender-actions.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';

export const REVIEW_SENDERS = 'sendgrid.review-senders';

/** Why an address or domain is not the operator's; none when it is, or when no domain is known. */
function outside(trust: SendgridTrust, what: string, value: string | null): string[] {
  if (trust.domains.length === 0 || value === null || trust.domainKnown(value)) return [];
  return [`${what} ${value} is not on your domains (${trust.domains.join(', ')})`];
}

function planSender(s: VerifiedSender, trust: SendgridTrust): PlannedResource {
  const label = namedWithId(s.nickname, String(s.id));
  const from = s.from_email ?? '(no address)';
  const reasons = [
    ...outside(trust, 'sends as', s.from_email),
    ...(s.reply_to !== s.from_email ? outside(trust, 'takes replies at', s.reply_to) : []),
  ];
  return judgeResource(
    {
      resource: `sender:${s.id}`,
      summary: `Sender ${label} <${from}>${s.verified === false ? ', not verified' : ''}`,
      reasons,
    },
    reasons.length > 0 && {
      kind: 'delete_verified_sender',
      target: String(s.id),
      params: { fromEmail: from, replyTo: s.reply_to ?? '' },
      description: `Delete Sender ${label} <${from}>`,
    },
  );
}

const fqdn = (d: BrandedDomain) => (d.subdomain ? `${d.subdomain}.${d.domain}` : d.domain);

function planDomain(d: BrandedDomain, trust: SendgridTrust, kind: 'domain' | 'link'): PlannedResource {
  const name = fqdn(d);
  const what = kind === 'domain' ? 'Authenticated domain' : 'Branded link';
  const reasons = outside(trust, kind === 'domain' ? 'signs mail for' : 'rewrites links to', d.domain);
  const at = kind === 'domain' && d.last_validation_attempt_at !== null ? d.last_validation_attempt_at : null;
  const validated = at === null ? undefined : trust.inWindow(new Date(at * 1000).toISOString(), 'changed');
  // On your domains but validated in the window: a person checks it (the attacker may have set it up).
  const checked = reasonsOf(
    reasons.length === 0 &&
      validated &&
      `validated ${validated.replace(/^changed /, '')}: check that it is yours`,
  );
  return judgeResource(
    {
      resource: `${kind}:${d.id}`,
      summary: `${what} ${name} (${d.id})${d.username ? ` of ${d.username}` : ''}${d.valid ? '' : ', not validated'}${d.default ? ', default' : ''}`,
      reasons: [...reasons, ...checked],
    },
    reasons.length > 0 && {
      kind: kind === 'domain' ? 'delete_authenticated_domain' : 'delete_branded_link',
      target: String(d.id),
      params: { domain: name, username: d.username ?? '' },
      description: `Delete ${what.toLowerCase()} ${name} (${d.id})`,
    },
  );
}

function summarise(trust: SendgridTrust, total: number, actions: PlannedAction[]): string {
  if (total === 0) return nothingFound('no Sender Identities, authenticated domains or branded links.');
  if (trust.domains.length === 0) {
    return `Reclaim knows none of your domains (the account email could not be read or is free mail, and RECLAIM_TRUSTED_HOSTS is not set), so nothing is planned; check the ${plural(total, 'sender and domain', 'senders and domains')} in the console (Settings › Sender Authentication).`;
  }
  if (actions.length === 0)
    return nothingFound(`${plural(total, 'sender and domain', 'senders and domains')}, all on your domains.`);
  const count = (kind: string) => actions.filter((a) => a.kind === kind).length;
  const parts = [
    count('delete_verified_sender') > 0 &&
      plural(count('delete_verified_sender'), 'Sender Identity', 'Sender Identities'),
    count('delete_authenticated_domain') > 0 &&
      plural(count('delete_authenticated_domain'), 'authenticated domain'),
    count('delete_branded_link') > 0 && plural(count('delete_branded_link'), 'branded link'),
  ].filter((p): p is string => typeof p === 'string');
  return `Delete ${parts.join(', ')} outside your domains: they let mail go out in another domain's name on your account's reputation. SendGrid lists no dates for them, so they are judged by domain; if one is yours, add its domain to RECLAIM_TRUSTED_HOSTS and rediscover, or reject the plan.`;
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const { verifiedSenders, authenticatedDomains, brandedLinks } = ctx.client;
  const [senders, domains, links, ownerEmail] = await Promise.all([
    verifiedSenders.list(),
    authenticatedDomains.list(),
    brandedLinks.list(),
    readOwnerEmail(ctx),
  ]);
  const trust = sendgridTrustOf(ctx, ownerEmail);
  const planned = [
    ...senders.items.map((s) => planSender(s, trust)),
    ...domains.items.map((d) => planDomain(d, trust, 'domain')),
    ...links.items.map((l) => planDomain(l, trust, 'link')),
  ];
  const discovery = discoveryOf(planned, (actions) => summarise(trust, planned.length, actions));
  return withUnreadable(
    withOwnerFinding(discovery, trust, planned.length),
    unreadableOf(senders, domains, links),
  );
}

export const reviewSendersStep: AutomatedStepDefinition<SendgridClient> = {
  id: REVIEW_SENDERS,
  kind: 'automated',
  title: 'Delete senders and domains from outside your domains',
  why: 'A Sender Identity, an authenticated domain or a branded link the attacker added lets them send mail in their own domain’s name (signed, with tracked links) on your account’s reputation and bill, and survives the password change. Anything not on your domains (the owner’s email domain and RECLAIM_TRUSTED_HOSTS) is deleted.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVIEW_SENDERS, {
    delete_verified_sender: deleteVerifiedSender,
    delete_authenticated_domain: deleteAuthenticatedDomain,
    delete_branded_link: deleteBrandedLink,
  }),
};
