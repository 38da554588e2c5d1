import { describe, expect, it } from 'vitest';
import { TelnyxPlaybookError } from '../../../src/playbooks/telnyx/index.js';
import { ProviderError } from '../../../src/providers/http/index.js';
import { plantedIdsByKind, unresolvedPlantedChanges } from '../../../src/sandbox/telnyx/index.js';
import { AUTOMATED, executeAll, harness, seeded, step } from './telnyx-kit.js';

async function remediate(h: ReturnType<typeof harness>) {
  const plans = [];
  for (const s of AUTOMATED) {
    const discovery = await s.discover(h.ctx);
    plans.push({
      step: s,
      actions: discovery.actions,
      outcomes: await executeAll(s, h.ctx, discovery.actions),
    });
  }
  return plans;
}

describe('Telnyx playbook execution against the simulator', () => {
  it('when every plan is executed, then no planted change is left in effect', async () => {
    const h = harness();
    expect(unresolvedPlantedChanges(h.sim).length).toBeGreaterThan(0);
    await remediate(h);
    expect(unresolvedPlantedChanges(h.sim)).toEqual([]);
  });

  it('when a plan is executed, then each action makes exactly one request, a write to its own target', async () => {
    const h = harness();
    for (const s of AUTOMATED) {
      const { actions } = await s.discover(h.ctx);
      // Its removals read the allow-list first, to never lock Reclaim out (account-access.test.ts).
      if (s.id === 'telnyx.review-api-allow-list') continue;
      h.sim.stats.reset();
      await executeAll(s, h.ctx, actions);
      // Changed (issue 16): turning forwarding off is the switch, then a separate try at blanking the
      // target, which the simulator refuses by default (so it is never a second write).
      const perAction = s.id === 'telnyx.disable-forwarding' ? 2 : 1;
      expect(h.sim.stats.requests, s.id).toBe(actions.length * perAction);
      for (const a of actions) {
        // A new balance alert is a new record: its one write is counted under the new setting's id.
        const created = String(h.sim.state.notificationSettings.at(-1)?.id);
        const target = a.kind === 'create_balance_alert' ? created : a.target;
        expect(h.sim.stats.writesTo(target), `${s.id} ${a.description}`).toBe(1);
      }
    }
  });

  it('when execute runs a second time with recheck, then nothing is written again', async () => {
    const h = harness();
    const plans = await remediate(h);
    const writes = h.sim.stats.snapshot().writes;
    for (const { step: s, actions } of plans) await executeAll(s, h.ctx, actions, true);
    expect(h.sim.stats.snapshot().writes).toEqual(writes);
    expect(unresolvedPlantedChanges(h.sim)).toEqual([]);
  });

  it('when the account has been cleaned, then every review step rediscovers an empty plan that says nothing was found', async () => {
    const h = harness();
    await remediate(h);
    for (const id of [
      'telnyx.remove-unknown-users',
      'telnyx.revoke-oauth-access',
      'telnyx.review-api-allow-list',
      'telnyx.delete-integration-secrets',
      'telnyx.review-ip-connections',
      'telnyx.disable-forwarding',
      'telnyx.review-call-control-apps',
      'telnyx.review-texml-apps',
      'telnyx.set-spend-limits',
      'telnyx.review-billing-alerts',
    ]) {
      const d = await step(id).discover(h.ctx);
      expect(d.actions, id).toEqual([]);
      expect(
        d.findings.filter((f) => f.suspicious),
        id,
      ).toEqual([]);
      expect(d.summary, id).toMatch(/^Nothing found/);
    }
  });

  it('when a write landed but its answer was lost (5xx after applying), then the retry with recheck writes nothing', async () => {
    const h = harness();
    const s = step('telnyx.disable-forwarding');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants forwarding');
    h.sim.faults.failNext(1, 502, { afterApply: true });
    const first = await s.execute(h.ctx, action, { recheck: false }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProviderError);
    expect((first as ProviderError).outcomeUnknown).toBe(true);
    expect(h.sim.stats.writesTo(action.target)).toBe(1);

    const again = await s.execute(h.ctx, action, { recheck: true });
    expect(again.result).toMatchObject({ forwarding: 'off' });
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });

  it.each([
    ['telnyx.review-ip-connections'],
    ['telnyx.review-call-control-apps'],
    ['telnyx.review-texml-apps'],
    ['telnyx.set-spend-limits'],
    ['telnyx.regenerate-messaging-secret'],
    ['telnyx.rotate-sip-credentials'],
  ])('when %s is rechecked after its write already happened, then it issues no second write', async (id) => {
    const h = harness();
    const s = step(id);
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error(`${id} plans nothing on the seed`);
    await s.execute(h.ctx, action, { recheck: false });
    const writes = h.sim.stats.totalWrites();
    await s.execute(h.ctx, action, { recheck: true });
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when a recheck finds the change not made yet, then it writes once', async () => {
    const h = harness();
    const s = step('telnyx.review-texml-apps');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants a TeXML app');
    await s.execute(h.ctx, action, { recheck: true });
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
    expect(unresolvedPlantedChanges(h.sim).map((c) => c.kind)).not.toContain('texml_application');
  });

  it('when Telnyx refuses a write, then execute rejects with a ProviderError naming the operation', async () => {
    const h = harness();
    const s = step('telnyx.review-call-control-apps');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants a Call Control app');
    h.sim.faults.failNext(1, 404);
    const err = await s.execute(h.ctx, action, { recheck: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'provider_not_found', operation: 'update Call Control application' });
  });

  it('when an IP was removed by someone else first, then removing it counts as done', async () => {
    const h = harness();
    const s = step('telnyx.review-ip-connections');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants an IP');
    h.sim.state.ips = h.sim.state.ips.filter((ip) => ip.id !== action.target);
    const out = await s.execute(h.ctx, action, { recheck: false });
    expect(out.result).toMatchObject({ removed: true, note: 'already gone' });
  });

  it('when an action of an unknown kind reaches a step, then it fails with a typed error and writes nothing', async () => {
    const h = harness();
    const err = await step('telnyx.disable-forwarding')
      .execute(
        h.ctx,
        { kind: 'delete_everything', target: 'x', params: {}, description: 'x' },
        { recheck: false },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelnyxPlaybookError);
    expect(err).toMatchObject({ code: 'telnyx_unknown_action' });
    expect(h.sim.stats.requests).toBe(0);
  });

  it('when an outbound profile is limited, then the PATCH carried its name and the safe limits shown on the card', async () => {
    const h = harness();
    const s = step('telnyx.set-spend-limits');
    const { actions } = await s.discover(h.ctx);
    await executeAll(s, h.ctx, actions);
    const planted = plantedIdsByKind(h.sim).outbound_voice_profile[0];
    const profile = h.sim.state.outboundVoiceProfiles.find((p) => p.id === planted);
    expect(profile).toMatchObject({
      name: 'Default',
      daily_spend_limit: '50.00',
      daily_spend_limit_enabled: true,
      max_destination_rate: 0.1,
    });
  });

  it('when the credential step runs, then the connection created in the window ends inactive with credentials nobody was given', async () => {
    const h = harness(seeded({ credentialConnections: 4 }));
    const s = step('telnyx.rotate-sip-credentials');
    const { actions } = await s.discover(h.ctx);
    const outcomes = await executeAll(s, h.ctx, actions);
    const rogue = plantedIdsByKind(h.sim).credential_connection[0];
    expect(h.sim.state.credentialConnections.find((c) => c.id === rogue)?.active).toBe(false);
    const rogueOutcome = outcomes[actions.findIndex((a) => a.target === rogue)];
    expect(rogueOutcome?.secrets ?? []).toEqual([]);
    expect(outcomes.filter((o) => (o.secrets ?? []).length === 1)).toHaveLength(3);
  });
});
