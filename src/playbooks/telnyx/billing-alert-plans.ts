// How the billing-alerts step reads the account: its balance, which alerts watch it, and what to create.
import type { PlannedAction } from '../../domain/types.js';
import type {
  Balance,
  NotificationChannel,
  NotificationCondition,
  NotificationSetting,
} from '../../providers/telnyx/index.js';
import type { PlannedResource } from '../kit/action-kit.js';
import { judgeResource, windowReason } from '../kit/judge-resource.js';
import type { Trust } from '../kit/trust.js';
import { dollars } from './spend-limits.js';

/** A condition about the account's balance (Telnyx names its conditions; the spec lists none). */
export function isBalanceCondition(c: NotificationCondition): boolean {
  return (
    c.associated_record_type !== 'phone_number' && /balance/i.test(`${c.name ?? ''} ${c.description ?? ''}`)
  );
}

/** A setting not being deleted (`delete-received`, `delete-pending`, …, `deleted`). */
export function isLive(s: NotificationSetting): boolean {
  return !(s.status ?? '').startsWith('delete');
}

/** `$1,234.00 USD`-ish: the balance as the card shows it. */
function money(amount: string | null, currency: string | null): string {
  return amount === null || Number.isNaN(Number(amount))
    ? 'unknown'
    : `${dollars(amount)}${currency && currency !== 'USD' ? ` ${currency}` : ''}`;
}

export function balanceFinding(b: Balance): PlannedResource {
  return judgeResource({
    resource: 'balance',
    summary: `Balance ${money(b.balance, b.currency)} (available ${money(b.available_credit, b.currency)}, credit limit ${money(b.credit_limit, b.currency)}, pending ${money(b.pending, b.currency)})`,
    reasons: [],
  });
}

function channelName(c: NotificationChannel | undefined): string {
  return c ? `${c.channel_type_id ?? 'channel'} ${c.channel_destination ?? c.id}` : 'an unknown channel';
}

/** A channel made in the window may deliver your alerts to the attacker: it is deleted. */
export function planChannel(c: NotificationChannel, trust: Trust): PlannedResource {
  const made = windowReason(trust, c.created_at, null);
  return judgeResource(
    {
      resource: c.id,
      summary: `Notification channel: ${channelName(c)}`,
      reasons: made ? [`${made}: alerts may reach the attacker`] : [],
    },
    made !== undefined && {
      kind: 'delete_notification_channel',
      target: c.id,
      params: { destination: c.channel_destination ?? '' },
      description: `Delete notification channel ${channelName(c)}, created after the incident began`,
    },
  );
}

export function alertFinding(
  s: NotificationSetting,
  condition: NotificationCondition | undefined,
  channel: NotificationChannel | undefined,
  trust: Trust,
): PlannedResource {
  const params = s.parameters.map((p) => `${p.name ?? '?'} ${p.value ?? ''}`.trim()).join(', ');
  const made = channel && windowReason(trust, channel.created_at, null);
  return judgeResource({
    resource: s.id,
    summary: `Balance alert “${condition?.name ?? s.notification_event_condition_id}”${params ? ` (${params})` : ''} to ${channelName(channel)}, ${s.status ?? 'status unknown'}`,
    reasons: made ? [`its channel was ${made}`] : [],
  });
}

/** The threshold of a new alert: a day at the safe spend limit below today's balance, at least 0. */
export function alertThreshold(b: Balance, dailyLimit: string): string {
  const balance = Number(b.balance ?? 'NaN');
  return (Number.isNaN(balance) ? 0 : Math.max(0, Math.floor(balance - Number(dailyLimit)))).toFixed(2);
}

/**
 * The alert to create when none watches the balance: on the first balance condition whose required
 * parameters are all amounts, to an email channel made before the window. `undefined` with the
 * reason a person must set it up instead.
 */
export function planAlert(
  conditions: NotificationCondition[],
  channels: NotificationChannel[],
  threshold: string,
  trust: Trust,
): { action: PlannedAction } | { missing: string } {
  const condition = conditions.find((c) =>
    c.parameters.every((p) => p.optional === true || /amount|threshold|balance|value/i.test(p.name ?? '')),
  );
  if (!condition) return { missing: 'Telnyx lists no balance condition Reclaim can fill in' };
  const channel = channels.find(
    (c) =>
      c.channel_type_id === 'email' && c.notification_profile_id && !windowReason(trust, c.created_at, null),
  );
  if (!channel?.notification_profile_id)
    return { missing: 'there is no email channel of yours (made before the incident) to send it to' };
  const parameters = condition.parameters
    .filter((p) => p.optional !== true && p.name)
    .map((p) => ({ name: p.name as string, value: threshold }));
  return {
    action: {
      kind: 'create_balance_alert',
      target: condition.id,
      params: {
        conditionName: condition.name ?? condition.id,
        profileId: channel.notification_profile_id,
        channelId: channel.id,
        destination: channel.channel_destination ?? '',
        parameters,
      },
      description: `Create a balance alert “${condition.name ?? condition.id}” at ${dollars(threshold)} to email ${channel.channel_destination ?? channel.id}`,
    },
  };
}
