import type { Finding } from '../../domain/types.js';
import { ProviderError } from '../../providers/http/index.js';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import { findingOf } from '../kit/judge-resource.js';
import { describeTime, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { groupBySubject, type SubjectGroup } from './group-subjects.js';
import { EMAIL_ACTIVITY_PAGE } from './manual-steps.js';
import { readOwnerEmail } from './owner-email.js';
import { dispatchByKind } from './playbook-error.js';
import { spamSignals } from './spam-patterns.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';

export const REVIEW_SENT_EMAIL = 'sendgrid.review-sent-email';

/** Days of sent mail the review reads (the forced-password-reset guidance asks for 30). */
export const REVIEW_DAYS = 30;
/** Ordinary-looking subjects shown on the card, besides every unrecognised one. */
const SHOWN_ORDINARY = 40;

function reasonsFor(g: SubjectGroup, trust: SendgridTrust): string[] {
  const reasons: string[] = [];
  const outside =
    g.domains.length > 0 && trust.domains.length > 0 && g.domains.every((d) => !trust.domainKnown(d));
  if (outside)
    reasons.push(`sent only from addresses outside your domains: ${g.senders.slice(0, 2).join(', ')}`);
  const signals = spamSignals(g.subject);
  if (signals.length > 0) reasons.push(`reads like spam: ${signals.join(', ')}`);
  return reasons;
}

function finding(g: SubjectGroup, reasons: string[]): Finding {
  const bounced = g.notDelivered > 0 ? `, ${g.notDelivered} not delivered` : '';
  const from =
    g.senders.length > 0
      ? `, from ${g.senders[0]}${g.senders.length > 1 ? ` and ${g.senders.length - 1} more` : ''}`
      : '';
  const last = g.last ? `, last ${describeTime(g.last)}` : '';
  return findingOf({
    resource: g.ref,
    summary: `“${g.subject}”: ${plural(g.count, 'message')}${bounced}${from}${last}`,
    reasons,
  });
}

/** The step's outcome when the account has no Email Activity API (the paid add-on): review by hand. */
function noActivityApi(err: ProviderError): Discovery {
  return {
    findings: [],
    actions: [],
    summary: `SendGrid answered ${err.status} to the Email Activity API: this account does not have the Email Activity add-on (or the key lacks email_activity.read). Review the last ${REVIEW_DAYS} days by hand at ${EMAIL_ACTIVITY_PAGE}: filter by date, look for subjects and senders you do not recognise, then Mark done.`,
  };
}

export interface ReviewSentEmailOptions {
  /** The present the 30 days are counted back from; default the current time. */
  now?: () => Date;
}

/** The review of the last 30 days of sent mail; `now` is injectable so tests and seeds agree on it. */
export function createReviewSentEmailStep(
  options: ReviewSentEmailOptions = {},
): AutomatedStepDefinition<SendgridClient> {
  const now = options.now ?? (() => new Date());
  async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
    const to = now();
    const from = new Date(to.getTime() - REVIEW_DAYS * 86_400_000);
    let window: Awaited<ReturnType<SendgridClient['emailActivity']['listWindow']>>;
    let ownerEmail: string | null;
    try {
      [window, ownerEmail] = await Promise.all([
        ctx.client.emailActivity.listWindow(from, to),
        readOwnerEmail(ctx),
      ]);
    } catch (err) {
      if (err instanceof ProviderError && (err.status === 403 || err.status === 404))
        return noActivityApi(err);
      throw err;
    }
    const trust = sendgridTrustOf(ctx, ownerEmail);
    const groups = groupBySubject(window.messages).map((g) => ({ g, reasons: reasonsFor(g, trust) }));
    const odd = groups.filter((x) => x.reasons.length > 0);
    const ordinary = groups.filter((x) => x.reasons.length === 0);
    const findings = [...odd, ...ordinary.slice(0, SHOWN_ORDINARY)].map((x) => finding(x.g, x.reasons));
    const total = window.messages.length;
    const partial = window.complete
      ? ''
      : ` Only the newest ${total} messages were read; look further back at ${EMAIL_ACTIVITY_PAGE}.`;
    const hidden =
      ordinary.length > SHOWN_ORDINARY
        ? ` (${ordinary.length - SHOWN_ORDINARY} more ordinary subjects not listed)`
        : '';
    const oddCount = odd.reduce((n, x) => n + x.g.count, 0);
    const summary =
      total === 0
        ? `Nothing found: no mail was sent in the last ${REVIEW_DAYS} days.${partial}`
        : odd.length === 0
          ? `Nothing found: ${plural(total, 'message')} in the last ${REVIEW_DAYS} days under ${plural(groups.length, 'subject')}${hidden}, none unrecognised. Nothing to change here; Mark done once you have looked.${partial}`
          : `${plural(odd.length, 'subject')} of ${groups.length} look unrecognised (${plural(oddCount, 'message')} of ${total} in the last ${REVIEW_DAYS} days)${hidden}. Nothing to change here: the keys, subusers and teammates that sent them are dealt with in their steps. Review the list, then Mark done.${partial}`;
    return withUnreadable({ findings, actions: [], summary }, window.unreadable);
  }
  return {
    id: REVIEW_SENT_EMAIL,
    kind: 'automated',
    title: `Review the last ${REVIEW_DAYS} days of sent email`,
    why: 'Attackers take SendGrid accounts to send spam and phishing under your name, which damages your sender reputation and may have reached your customers. The subjects you do not recognise show what was sent and whom to warn.',
    risk: 'normal',
    discover,
    execute: dispatchByKind(REVIEW_SENT_EMAIL, {}),
  };
}
