import { describe, expect, it } from 'vitest';
import { REVIEW_BILLING_ALERTS } from '../../../src/playbooks/telnyx/index.js';
import {
  ATTACKER_ALERT_EMAIL,
  OWNER_BILLING_EMAIL,
  plantedIdsByKind,
  unresolvedPlantedChanges,
} from '../../../src/sandbox/telnyx/index.js';
import { executeAll, harness, seeded, step, suspiciousResources } from './telnyx-kit.js';

describe('telnyx.review-billing-alerts', () => {
  it('when the seeded account is discovered, then the balance is shown, the attacker’s channel and the missing alert are flagged, and an alert to the owner’s address is planned', async () => {
    const { sim, ctx } = harness();
    const ids = plantedIdsByKind(sim);
    const d = await step(REVIEW_BILLING_ALERTS).discover(ctx);
    expect(d.findings[0]).toMatchObject({ resource: 'balance', suspicious: false });
    expect(d.findings[0]?.summary).toMatch(/^Balance \$300\.00 \(available \$300\.00/);
    expect(suspiciousResources(d)).toEqual([...ids.notification_channel, ...ids.balance_alert].sort());
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([
      ['delete_notification_channel', ids.notification_channel[0]],
      ['create_balance_alert', ids.balance_alert[0]],
    ]);
    expect(d.actions[0]?.description).toContain(ATTACKER_ALERT_EMAIL);
    expect(d.actions[1]?.description).toBe(
      `Create a balance alert “Account balance below threshold” at $250.00 to email ${OWNER_BILLING_EMAIL}`,
    );
    expect(d.summary).toMatch(
      /no balance alert is set\. Create a balance alert at \$250\.00 .*; delete 1 notification channel/,
    );
  });

  it('when the plan is executed, then the alert exists on the owner’s channel, the attacker’s channel is gone, a recheck writes nothing and a rediscovery finds nothing', async () => {
    const { sim, ctx } = harness();
    const s = step(REVIEW_BILLING_ALERTS);
    const { actions } = await s.discover(ctx);
    const outcomes = await executeAll(s, ctx, actions);
    expect(outcomes.map((o) => o.result)).toEqual([
      { deleted: true },
      expect.objectContaining({ status: 'enabled' }),
    ]);
    expect(
      unresolvedPlantedChanges(sim).filter((c) => ['notification_channel', 'balance_alert'].includes(c.kind)),
    ).toEqual([]);
    const own = sim.state.notificationChannels.find((c) => c.channel_destination === OWNER_BILLING_EMAIL);
    expect(sim.state.notificationSettings).toEqual([
      expect.objectContaining({
        notification_channel_id: own?.id,
        parameters: [{ name: 'amount', value: '250.00' }],
      }),
    ]);
    sim.stats.reset();
    await executeAll(s, ctx, actions, true);
    expect(sim.stats.totalWrites()).toBe(0);
    const again = await s.discover(ctx);
    expect(again.actions).toEqual([]);
    expect(again.summary).toMatch(/^Nothing found: Balance \$300\.00 .*; 1 balance alert is set\./);
    expect(again.findings.filter((f) => f.summary.startsWith('Balance alert'))).toHaveLength(1);
  });

  it('when no email channel of the owner’s is left, then no alert is planned and the card says to set one up in the portal', async () => {
    const sim = seeded();
    sim.state.notificationChannels = sim.state.notificationChannels.filter(
      (c) => c.channel_destination !== OWNER_BILLING_EMAIL,
    );
    const { ctx } = harness(sim);
    const d = await step(REVIEW_BILLING_ALERTS).discover(ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['delete_notification_channel']);
    const missing = d.findings.find((f) => f.resource === plantedIdsByKind(sim).balance_alert[0]);
    expect(missing?.reasons.join(' ')).toMatch(/no email channel of yours .*Account › Notifications/);
  });

  it('when a balance alert to the owner already exists, then nothing is created', async () => {
    const sim = seeded();
    const own = sim.state.notificationChannels[0]!;
    sim.state.notificationSettings.push({
      id: 'set-owner',
      notification_event_condition_id: plantedIdsByKind(sim).balance_alert[0],
      notification_profile_id: own.notification_profile_id,
      notification_channel_id: own.id,
      parameters: [{ name: 'amount', value: '100.00' }],
      status: 'enabled',
      created_at: '2025-06-01T00:00:00.000Z',
      updated_at: '2025-06-01T00:00:00.000Z',
    });
    const { ctx } = harness(sim);
    const d = await step(REVIEW_BILLING_ALERTS).discover(ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['delete_notification_channel']);
    expect(d.findings.find((f) => f.resource === 'set-owner')).toMatchObject({ suspicious: false });
    expect(d.findings.find((f) => f.resource === 'set-owner')?.summary).toContain(
      `(amount 100.00) to email ${OWNER_BILLING_EMAIL}`,
    );
  });
});
