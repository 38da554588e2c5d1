import { describe, expect, it } from 'vitest';
import { isContainStepKey } from '../../../src/domain/containment.js';
import type { PlannedAction } from '../../../src/domain/types.js';
import {
  ATTACKER_IP,
  sendgridPlantedIdsByKind,
  unresolvedSendgridPlantedChanges,
} from '../../../src/sandbox/sendgrid/index.js';
import { AUTOMATED, containedOf, executeAll, harness, step } from './sendgrid-kit.js';

async function runEveryPlan(h: ReturnType<typeof harness>) {
  const plans: { id: string; actions: PlannedAction[] }[] = [];
  const outcomes = [];
  for (const s of AUTOMATED) {
    const { actions } = await s.discover(h.ctx);
    plans.push({ id: s.id, actions });
    const done = await executeAll(s, h.ctx, actions);
    outcomes.push(...done);
    // As the engine does: the steps after Contain now see what it changed (the keys' scopes before).
    if (isContainStepKey(s.id)) h.ctx.contained = containedOf(actions, done);
  }
  return { plans, outcomes };
}

describe('SendGrid playbook execution against the simulator', () => {
  it('when every plan is executed, then no planted change is left in effect and Reclaim’s key still works', async () => {
    const h = harness();
    expect(unresolvedSendgridPlantedChanges(h.sim)).not.toEqual([]);
    await runEveryPlan(h);
    expect(unresolvedSendgridPlantedChanges(h.sim)).toEqual([]);
    expect(h.sim.ownKeyExists()).toBe(true);
    expect(await h.client.user.email()).toBe('owner@acme-mail.example.com');
  });

  it('when every plan is executed again with recheck, then nothing more is written', async () => {
    const h = harness();
    const { plans } = await runEveryPlan(h);
    const before = h.sim.stats.totalWrites();
    for (const { id, actions } of plans) await executeAll(step(id), h.ctx, actions, true);
    expect(h.sim.stats.totalWrites()).toBe(before);
  });

  it('when the cleaned account is discovered again, then nothing is planned and only contained or past things stay flagged', async () => {
    const h = harness();
    const planted = sendgridPlantedIdsByKind(h.sim);
    await runEveryPlan(h);
    const stillFlagged: string[] = [];
    for (const s of AUTOMATED) {
      const d = await s.discover(h.ctx);
      expect(d.actions, s.id).toEqual([]);
      stillFlagged.push(...d.findings.filter((f) => f.suspicious).map((f) => f.resource));
    }
    // The sign-in and the spam happened; the attacker's subuser and webhook are kept, disabled.
    const contained = [
      ...planted.access_attempt,
      ...planted.sent_subject,
      ...planted.subuser,
      ...planted.event_webhook,
    ];
    expect(stillFlagged.sort()).toEqual(contained.sort());
  });

  it('when keys are replaced, then each new key has the old one’s scopes and its value goes only into the sealed secrets', async () => {
    const h = harness();
    const s = step('sendgrid.replace-api-keys');
    const { actions } = await s.discover(h.ctx);
    const before = new Map(h.sim.state.apiKeys.map((k) => [k.api_key_id, k]));
    const outcomes = await executeAll(s, h.ctx, actions);
    const created = outcomes.filter((o) => o.secrets);
    expect(created).toHaveLength(3);
    for (const o of created) {
      const id = o.result.apiKeyId as string;
      const replaced = before.get(o.result.replaces as string);
      expect(h.sim.state.apiKeys.find((k) => k.api_key_id === id)?.scopes).toEqual(replaced?.scopes);
      expect(
        before.has(o.result.replaces as string) &&
          !h.sim.state.apiKeys.some((k) => k.api_key_id === o.result.replaces),
      ).toBe(true);
      expect(o.secrets?.[0]?.value).toMatch(new RegExp(`^SG\\.${id}\\.`));
      expect(o.secrets?.[0]?.label).toBe(`SendGrid API key ${replaced?.name} (replaced by Reclaim)`);
    }
    const values = created.map((o) => o.secrets?.[0]?.value ?? '');
    const visible = JSON.stringify(outcomes.map((o) => o.result)) + h.logs.text;
    for (const value of values) expect(visible).not.toContain(value);
  });

  it('when a key creation’s answer was lost, then the recheck replaces the stray key instead of leaving two', async () => {
    const h = harness();
    const s = step('sendgrid.replace-api-keys');
    const create = (await s.discover(h.ctx)).actions.find((a) => a.kind === 'create_api_key');
    if (!create) throw new Error('no create in the plan');
    h.sim.faults.failWhen((r) => r.route === 'POST /v3/api_keys', 500, { afterApply: true });
    await expect(s.execute(h.ctx, create, { recheck: false })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    h.sim.faults.clear();
    const outcome = await s.execute(h.ctx, create, { recheck: true });
    const named = h.sim.state.apiKeys.filter((k) => k.name === create.params.name);
    expect(named.map((k) => k.api_key_id)).toEqual([outcome.result.apiKeyId]);
    expect(outcome.secrets).toHaveLength(1);
  });

  it('when a plan would delete Reclaim’s own key, then the action refuses', async () => {
    const h = harness();
    const own: PlannedAction = {
      kind: 'delete_api_key',
      target: h.client.ownApiKeyId ?? '',
      params: {},
      description: 'x',
    };
    await expect(
      step('sendgrid.replace-api-keys').execute(h.ctx, own, { recheck: false }),
    ).rejects.toMatchObject({
      code: 'sendgrid_own_key',
    });
    expect(h.sim.ownKeyExists()).toBe(true);
  });

  it('when adding the trusted addresses failed, then removing the unknown one refuses rather than lock the responders out', async () => {
    const h = harness();
    const s = step('sendgrid.review-ip-access');
    const [add, remove] = (await s.discover(h.ctx)).actions;
    if (!add || !remove) throw new Error('expected an add and a remove');
    h.sim.faults.failWhen((r) => r.route === 'POST /v3/access_settings/whitelist', 400);
    await expect(s.execute(h.ctx, add, { recheck: false })).rejects.toMatchObject({
      code: 'provider_rejected',
    });
    await expect(s.execute(h.ctx, remove, { recheck: false })).rejects.toMatchObject({
      code: 'sendgrid_lockout_guard',
    });
    expect(h.sim.state.allowList.some((e) => e.ip === ATTACKER_IP)).toBe(true);
  });

  it('when a write times out after it was applied, then the recheck finds it done and does not write twice', async () => {
    const h = harness();
    const s = step('sendgrid.disable-unknown-subusers');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('no action');
    h.sim.faults.failNext(1, 502, { afterApply: true });
    await expect(s.execute(h.ctx, action, { recheck: false })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    expect(await s.execute(h.ctx, action, { recheck: true })).toEqual({ result: { disabled: true } });
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });

  it('when the thing to remove is already gone, then each removal reports it done without failing', async () => {
    const h = harness();
    const planned = sendgridPlantedIdsByKind(h.sim);
    const teammates = step('sendgrid.remove-unknown-teammates');
    const { actions } = await teammates.discover(h.ctx);
    h.sim.state.teammates = h.sim.state.teammates.filter((t) => !planned.teammate.includes(t.username));
    h.sim.state.invites = [];
    const outcomes = await executeAll(teammates, h.ctx, actions);
    expect(outcomes.map((o) => o.result.note)).toEqual(['already gone', 'no longer pending']);
  });

  it('when a stored plan lacks a parameter or names an unknown kind, then execution fails with a sentence naming it', async () => {
    const h = harness();
    const s = step('sendgrid.review-webhooks');
    const bad: PlannedAction = {
      kind: 'disable_event_webhook',
      target: 'w',
      params: {},
      description: 'Disable w',
    };
    await expect(s.execute(h.ctx, bad, { recheck: false })).rejects.toMatchObject({
      code: 'sendgrid_bad_action_params',
      message: expect.stringContaining('"url"'),
    });
    await expect(s.execute(h.ctx, { ...bad, kind: 'explode' }, { recheck: false })).rejects.toMatchObject({
      code: 'sendgrid_unknown_action',
    });
  });
});
