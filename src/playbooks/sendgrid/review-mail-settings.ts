import type { PlannedAction } from '../../domain/types.js';
import type { Alert, ForwardKind, ForwardSetting, SendgridClient } from '../../providers/sendgrid/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf, windowReason } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { deleteAlert, disableForwarding } from './mail-setting-actions.js';
import { withOwnerFinding } from './owner-anchor.js';
import { readOwnerEmail } from './owner-email.js';
import { dispatchByKind } from './playbook-error.js';
import { type SendgridTrust, sendgridTrustOf } from './trust.js';

export const REVIEW_MAIL_SETTINGS = 'sendgrid.review-mail-settings';

const NAMES: Record<ForwardKind, string> = { forward_spam: 'Forward Spam', forward_bounce: 'Forward Bounce' };
const WHAT: Record<ForwardKind, string> = {
  forward_spam: 'spam reports (with the reported mail)',
  forward_bounce: 'bounces (with the bounced mail)',
};

/** The addresses of a setting (Forward Spam takes a comma-separated list) that are not on your domains. */
function outsiders(trust: SendgridTrust, emails: string | null): string[] {
  const list = (emails ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  return list.filter((e) => !trust.domainKnown(e));
}

const UNJUDGED =
  'Reclaim knows none of your domains (the account email could not be read or is free mail, and RECLAIM_TRUSTED_HOSTS is not set), so it cannot tell whether';

function planForward(kind: ForwardKind, s: ForwardSetting, trust: SendgridTrust): PlannedResource {
  const email = s.email ?? '';
  const summary = `${NAMES[kind]} → ${email || '(no address)'}${s.enabled ? '' : ', off'}`;
  const strangers = s.enabled && trust.domains.length > 0 ? outsiders(trust, s.email) : [];
  const unjudged = s.enabled && trust.domains.length === 0 && email !== '';
  const reasons = reasonsOf(
    strangers.length > 0 &&
      `sends ${WHAT[kind]} to ${strangers.join(', ')}, not on your domains (${trust.domains.join(', ')})`,
    unjudged && `${UNJUDGED} ${email} is yours: check it in Settings › Mail Settings`,
  );
  return judgeResource(
    { resource: `mail-setting:${kind}`, summary, reasons },
    strangers.length > 0 && {
      kind: `disable_${kind}`,
      target: kind,
      params: { email },
      description: `Turn off ${NAMES[kind]} to ${email} (the address stays in the setting; turn it on again in Settings › Mail Settings)`,
    },
  );
}

const iso = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000).toISOString());

/** An alert to an address outside your domains goes; with no domains known, one made or changed in the window does. */
function planAlert(a: Alert, trust: SendgridTrust): PlannedResource {
  const to = a.email_to ?? '(no address)';
  const when = windowReason(trust, iso(a.created_at), iso(a.updated_at));
  const known = trust.domains.length > 0;
  const stranger =
    known && !trust.domainKnown(a.email_to)
      ? `mails your account's ${a.type === 'usage_limit' ? 'usage' : 'statistics'} to ${to}, not on your domains`
      : undefined;
  const act = stranger !== undefined || (!known && when !== undefined);
  const reasons = reasonsOf(
    stranger,
    when,
    !known && !when && `${UNJUDGED} ${to} is yours: check it in Settings › Alerts`,
  );
  return judgeResource(
    {
      resource: `alert:${a.id}`,
      summary: `Alert ${a.id} (${a.type}${a.frequency ? `, ${a.frequency}` : ''}${a.percentage !== null ? `, at ${a.percentage}%` : ''}) → ${to}`,
      reasons,
    },
    act && {
      kind: 'delete_alert',
      target: String(a.id),
      params: { emailTo: to, type: a.type, frequency: a.frequency, percentage: a.percentage },
      description: `Delete alert ${a.id} (${a.type}) to ${to}; its settings stay in this plan, to make it again for yourself`,
    },
  );
}

function summarise(total: number, actions: PlannedAction[]): string {
  if (total === 0) return nothingFound('no forwarding and no alerts.');
  if (actions.length === 0)
    return nothingFound(
      `${plural(total, 'forwarding setting and alert', 'forwarding settings and alerts')}, none sending to an address outside your domains.`,
    );
  const alerts = actions.filter((a) => a.kind === 'delete_alert').length;
  const parts = [
    actions.length - alerts > 0 && `turn off ${plural(actions.length - alerts, 'forwarding setting')}`,
    alerts > 0 && `delete ${plural(alerts, 'alert')}`,
  ].filter((p): p is string => typeof p === 'string');
  return `${parts.join(' and ')} that send your account's mail or numbers to addresses that are not yours.`.replace(
    /^./,
    (c) => c.toUpperCase(),
  );
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const { mailSettings, alerts } = ctx.client;
  const [spam, bounce, alertList, ownerEmail] = await Promise.all([
    mailSettings.forwarding('forward_spam'),
    mailSettings.forwarding('forward_bounce'),
    alerts.list(),
    readOwnerEmail(ctx),
  ]);
  const trust = sendgridTrustOf(ctx, ownerEmail);
  const planned = [
    planForward('forward_spam', spam, trust),
    planForward('forward_bounce', bounce, trust),
    ...alertList.items.map((a) => planAlert(a, trust)),
  ];
  const discovery = discoveryOf(planned, (actions) => summarise(planned.length, actions));
  // The account email anchors the judgement of what sends somewhere: forwarding that is on, and alerts.
  const judged = [spam, bounce].filter((f) => f.enabled).length + alertList.items.length;
  return withUnreadable(withOwnerFinding(discovery, trust, judged), alertList.unreadable);
}

export const reviewMailSettingsStep: AutomatedStepDefinition<SendgridClient> = {
  id: REVIEW_MAIL_SETTINGS,
  kind: 'automated',
  title: 'Stop forwarding and alerts to addresses outside your domains',
  why: 'Forward Spam and Forward Bounce hand every spam report and bounce (with the mail itself) to an address, and an alert mails your usage and statistics: pointed at the attacker, they keep watching after the password changes. Forwarding is turned off (reversible); an alert is deleted, its settings kept in the plan.',
  risk: 'normal',
  discover,
  execute: dispatchByKind(REVIEW_MAIL_SETTINGS, {
    disable_forward_spam: disableForwarding('forward_spam'),
    disable_forward_bounce: disableForwarding('forward_bounce'),
    delete_alert: deleteAlert,
  }),
};
