import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { createBalanceAlert, deleteNotificationChannel } from './billing-alert-actions.js';
import {
  alertFinding,
  alertThreshold,
  balanceFinding,
  isBalanceCondition,
  isLive,
  planAlert,
  planChannel,
} from './billing-alert-plans.js';
import { TELNYX_PORTAL } from './manual-steps.js';
import { dispatchByKind } from './playbook-error.js';
import { dollars, type SafeSpendLimits, TELNYX_SAFE_LIMITS } from './spend-limits.js';

export const REVIEW_BILLING_ALERTS = 'telnyx.review-billing-alerts';

const WHERE = `the portal (${TELNYX_PORTAL}): Account › Notifications`;

/** The step with the given safe values: a new alert fires a day's safe spend below today's balance. */
export function createReviewBillingAlertsStep(
  safe: SafeSpendLimits = TELNYX_SAFE_LIMITS,
): AutomatedStepDefinition<TelnyxClient> {
  async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
    const trust = trustOf(ctx);
    const api = ctx.client.billing;
    const [balance, settings, channels, conditions] = await Promise.all([
      api.balance(),
      api.notificationSettings(),
      api.notificationChannels(),
      api.notificationConditions(),
    ]);
    const balanceConditions = conditions.items.filter(isBalanceCondition);
    const byCondition = new Map(balanceConditions.map((c) => [c.id, c]));
    const byChannel = new Map(channels.items.map((c) => [c.id, c]));
    const alerts = settings.items.filter(
      (s) => isLive(s) && byCondition.has(s.notification_event_condition_id ?? ''),
    );
    const channelPlans = channels.items.map((c) => planChannel(c, trust));
    const planned: PlannedResource[] = [
      balanceFinding(balance),
      ...alerts.map((s) =>
        alertFinding(
          s,
          byCondition.get(s.notification_event_condition_id ?? ''),
          byChannel.get(s.notification_channel_id ?? ''),
          trust,
        ),
      ),
      ...channelPlans,
    ];
    const threshold = alertThreshold(balance, safe.dailySpendLimit);
    const kept = channels.items.filter((c) => !channelPlans.some((p) => p.action?.target === c.id));
    const alert = alerts.length === 0 ? planAlert(balanceConditions, kept, threshold, trust) : undefined;
    // Named by the balance condition it would watch (the action's target), so a rediscovery matches it.
    const resource = balanceConditions[0]?.id ?? 'balance-alert';
    if (alert && 'action' in alert) {
      planned.push(
        judgeResource(
          {
            resource: alert.action.target,
            summary: 'No alert watches the balance',
            reasons: ['no balance alert: a spend spike reaches nobody'],
          },
          alert.action,
        ),
      );
    } else if (alert) {
      planned.push(
        judgeResource({
          resource,
          summary: 'No alert watches the balance',
          reasons: [`no balance alert, and ${alert.missing}: set one up in ${WHERE}`],
        }),
      );
    }
    const discovery = discoveryOf(planned, (actions) => {
      const watched =
        alerts.length === 0
          ? 'no balance alert is set'
          : `${plural(alerts.length, 'balance alert')} ${alerts.length === 1 ? 'is' : 'are'} set`;
      const head = `${planned[0]?.finding.summary ?? 'Balance unknown'}; ${watched}.`;
      if (actions.length === 0) return nothingFound(`${head} Review the usage on the next card.`);
      const creates = actions.some((a) => a.kind === 'create_balance_alert');
      const deletes = actions.filter((a) => a.kind === 'delete_notification_channel').length;
      const parts = [
        creates &&
          `create a balance alert at ${dollars(threshold)} (a day at the safe spend limit below today’s balance)`,
        deletes > 0 && `delete ${plural(deletes, 'notification channel')} created after the incident began`,
      ].filter((p): p is string => typeof p === 'string');
      return `${head} ${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.`;
    });
    return withUnreadable(discovery, unreadableOf(settings, channels, conditions));
  }

  return {
    id: REVIEW_BILLING_ALERTS,
    kind: 'automated',
    title: 'Check the balance and billing alerts',
    why: 'Fraud drains the balance fast, and an attacker who can route your alerts to themselves keeps you from seeing it. A balance alert to your own address tells you the next time money goes faster than a normal day.',
    risk: 'normal',
    discover,
    execute: dispatchByKind(REVIEW_BILLING_ALERTS, {
      create_balance_alert: createBalanceAlert,
      delete_notification_channel: deleteNotificationChannel,
    }),
  };
}
