import { describe, expect, it } from 'vitest';
import {
  CONTAIN_NOW,
  CONTAINED_SCOPES,
  REPLACE_API_KEYS,
  SENDGRID_STEPS,
} from '../../../src/playbooks/sendgrid/index.js';
import { sendgridPlantedIdsByKind } from '../../../src/sandbox/sendgrid/index.js';
import { containedOf, executeAll, harness, seeded, step } from './sendgrid-kit.js';

const contain = () => step(CONTAIN_NOW);
const keys = () => step(REPLACE_API_KEYS);

const scopesOf = (h: ReturnType<typeof harness>, id: string) =>
  h.sim.state.apiKeys.find((k) => k.api_key_id === id)?.scopes;

describe('SendGrid Contain now: the plan', () => {
  it('when the seeded account is discovered, then every key but Reclaim’s own is planned down to one read-only scope, the attacker’s first, with its scopes before', async () => {
    expect(SENDGRID_STEPS[0]?.id).toBe('sendgrid.contain-now');
    expect(contain().title).toMatch(/^Contain now: /);
    expect(contain().risk).toBe('normal');
    const h = harness();
    const own = h.client.ownApiKeyId;
    const attacker = sendgridPlantedIdsByKind(h.sim).api_key[0];
    const d = await contain().discover(h.ctx);
    const others = h.sim.state.apiKeys.filter((k) => k.api_key_id !== own);
    expect(d.actions.map((a) => a.target).sort()).toEqual(others.map((k) => k.api_key_id).sort());
    expect(d.actions[0]?.target).toBe(attacker);
    for (const a of d.actions) {
      const key = others.find((k) => k.api_key_id === a.target);
      expect(a.kind).toBe('reduce_api_key_scopes');
      expect(a.params).toEqual({
        name: key?.name,
        scopesBefore: key?.scopes,
        scopes: ['user.timezone.read'],
      });
    }
    expect(d.actions.map((a) => a.target)).not.toContain(own);
    expect(d.findings.find((f) => f.resource === own)).toMatchObject({ suspicious: false });
    expect(d.findings.filter((f) => f.suspicious).map((f) => f.resource)).toEqual([attacker]);
    expect(d.summary).toMatch(/^Cut 4 API keys down to the one scope user\.timezone\.read now: /);
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the plan is compared with the clean-up’s, then it cuts down exactly the keys the clean-up deletes, Reclaim’s own aside', async () => {
    const h = harness();
    const cut = (await contain().discover(h.ctx)).actions.map((a) => a.target).sort();
    const removed = (await keys().discover(h.ctx)).actions
      .filter((a) => a.kind === 'delete_api_key' && a.params.own !== true)
      .map((a) => a.target)
      .sort();
    expect(cut).toEqual(removed);
  });

  it('when Reclaim’s own key cannot update keys, then nothing is planned and the card says which scopes it lacks', async () => {
    const sim = seeded();
    const h = harness(sim);
    const own = sim.state.apiKeys.find((k) => k.api_key_id === h.client.ownApiKeyId);
    if (!own) throw new Error('the seed has Reclaim’s key');
    own.scopes = own.scopes.filter((s) => s !== 'api_keys.update');
    const d = await contain().discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/^Reclaim’s own key lacks api_keys\.update, so it cannot cut 4 keys down/);
  });
});

describe('SendGrid Contain now: execution', () => {
  it('when the plan runs, then each key holds only the one scope, Reclaim’s own is untouched, and a recheck writes nothing', async () => {
    const h = harness();
    const own = h.client.ownApiKeyId ?? '';
    const ownBefore = [...(scopesOf(h, own) ?? [])];
    const { actions } = await contain().discover(h.ctx);
    const outcomes = await executeAll(contain(), h.ctx, actions);
    expect(h.sim.stats.byRoute['PUT /v3/api_keys/{api_key_id}']).toBe(actions.length);
    for (const [i, a] of actions.entries()) {
      expect(scopesOf(h, a.target)).toEqual([...CONTAINED_SCOPES]);
      expect(outcomes[i]?.result).toEqual({
        reduced: true,
        scopes: ['user.timezone.read'],
        scopesBefore: a.params.scopesBefore,
      });
    }
    expect(scopesOf(h, own)).toEqual(ownBefore);
    expect(h.sim.ownKeyExists()).toBe(true);
    // Names stay as they were; no key value is in any outcome or log line.
    expect(h.sim.state.apiKeys.map((k) => k.name)).toContain('Production mail');
    expect(JSON.stringify(outcomes) + h.logs.text).not.toMatch(/SG\.[A-Za-z0-9_-]{10,}\./);
    const writes = h.sim.stats.totalWrites();
    await executeAll(contain(), h.ctx, actions, true);
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect((await contain().discover(h.ctx)).actions).toEqual([]);
  });

  it('when the PUT was applied but its answer lost, then the recheck reads the key and does not write again', async () => {
    const h = harness();
    const [first] = (await contain().discover(h.ctx)).actions;
    if (!first) throw new Error('no plan');
    h.sim.faults.failWhen((r) => r.route === 'PUT /v3/api_keys/{api_key_id}', 500, { afterApply: true });
    await expect(contain().execute(h.ctx, first, { recheck: false })).rejects.toThrow();
    h.sim.faults.clear();
    const writes = h.sim.stats.totalWrites();
    const again = await contain().execute(h.ctx, first, { recheck: true });
    expect(again.result).toMatchObject({ reduced: true });
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when a key was deleted before its action ran, then the action is done without a write', async () => {
    const h = harness();
    const [first] = (await contain().discover(h.ctx)).actions;
    if (!first) throw new Error('no plan');
    h.sim.state.apiKeys = h.sim.state.apiKeys.filter((k) => k.api_key_id !== first.target);
    expect((await contain().execute(h.ctx, first, { recheck: false })).result.note).toBe('already gone');
    expect((await contain().execute(h.ctx, first, { recheck: true })).result.note).toBe('already gone');
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when a stored plan names Reclaim’s own key, then the action refuses and writes nothing', async () => {
    const h = harness();
    const own = h.client.ownApiKeyId ?? '';
    const action = {
      kind: 'reduce_api_key_scopes',
      target: own,
      params: {
        name: 'Reclaim incident response',
        scopesBefore: ['mail.send'],
        scopes: ['user.timezone.read'],
      },
      description: 'Cut it down',
    };
    for (const recheck of [false, true]) {
      await expect(contain().execute(h.ctx, action, { recheck })).rejects.toMatchObject({
        code: 'sendgrid_own_key',
      });
    }
    expect(h.sim.stats.totalWrites()).toBe(0);
  });
});

describe('SendGrid clean-up after Contain now', () => {
  it('when the keys were cut down and the clean-up sees Contain now’s record, then replacements get the scopes before and the attacker’s key is still deleted', async () => {
    const h = harness();
    const attacker = sendgridPlantedIdsByKind(h.sim).api_key[0];
    const before = new Map(h.sim.state.apiKeys.map((k) => [k.api_key_id, [...k.scopes]]));
    const { actions } = await contain().discover(h.ctx);
    const contained = containedOf(actions, await executeAll(contain(), h.ctx, actions));
    const plan = await keys().discover({ ...h.ctx, contained });
    expect(plan.actions[0]).toMatchObject({ kind: 'delete_api_key', target: attacker });
    for (const create of plan.actions.filter((a) => a.kind === 'create_api_key')) {
      expect(create.params.scopes).toEqual(before.get(create.target));
    }
  });

  it('when the keys were cut down and no record is at hand, then the clean-up plans nothing for them and says why', async () => {
    const h = harness();
    const { actions } = await contain().discover(h.ctx);
    await executeAll(contain(), h.ctx, actions);
    const plan = await keys().discover(h.ctx);
    const own = h.client.ownApiKeyId;
    expect(plan.actions.every((a) => a.target === own)).toBe(true);
    const held = plan.findings.filter((f) => f.resource !== own);
    expect(held).toHaveLength(actions.length);
    for (const f of held)
      expect(f.reasons[0]).toMatch(/^it holds only user\.timezone\.read and Contain now’s record/);
  });
});
