import { describe, expect, it } from 'vitest';
import { CONTAIN_NOW, REPLACE_API_KEYS, RESTORE_CONTAINED } from '../../../src/playbooks/sendgrid/index.js';
import type {
  AutomatedStepDefinition,
  ContainedChange,
  PlaybookContext,
} from '../../../src/playbooks/types.js';
import type { SendgridClient } from '../../../src/providers/sendgrid/index.js';
import { sendgridPlantedIdsByKind } from '../../../src/sandbox/sendgrid/index.js';
import { containedOf, executeAll, harness, step } from './sendgrid-kit.js';

const contain = () => step(CONTAIN_NOW);
const restore = () => contain().restore as AutomatedStepDefinition<SendgridClient>;

/** Contain now discovered and run: what the engine then hands Restore. */
async function containAll(ctx: PlaybookContext<SendgridClient>): Promise<ContainedChange[]> {
  const { actions } = await contain().discover(ctx);
  return containedOf(actions, await executeAll(contain(), ctx, actions));
}

const scopesById = (h: ReturnType<typeof harness>) =>
  new Map(h.sim.state.apiKeys.map((k) => [k.api_key_id, [...k.scopes]]));

describe('SendGrid Restore', () => {
  it('when the clean-up left the keys, then Restore puts back exactly the scopes each had, and a recheck writes nothing', async () => {
    const h = harness();
    const attacker = sendgridPlantedIdsByKind(h.sim).api_key[0];
    const before = scopesById(h);
    const changes = await containAll(h.ctx);
    expect(restore().id).toBe(RESTORE_CONTAINED);
    const back = await restore().discover({ ...h.ctx, contained: changes });
    // The attacker's key could take control: the clean-up deletes it, so it stays cut down.
    const expected = changes.map((c) => c.target).filter((id) => id !== attacker);
    expect(back.actions.map((a) => a.target).sort()).toEqual(expected.sort());
    expect(back.findings.find((f) => f.resource === attacker)?.reasons[0]).toMatch(
      /^it could take control of the account \(.*api_keys\.create.*\), so the clean-up deletes it/,
    );
    await executeAll(restore(), h.ctx, back.actions);
    for (const id of expected)
      expect(h.sim.state.apiKeys.find((k) => k.api_key_id === id)?.scopes).toEqual(before.get(id));
    expect(h.sim.state.apiKeys.find((k) => k.api_key_id === attacker)?.scopes).toEqual([
      'user.timezone.read',
    ]);
    const writes = h.sim.stats.totalWrites();
    await executeAll(restore(), h.ctx, back.actions, true);
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect((await restore().discover({ ...h.ctx, contained: changes })).actions).toEqual([]);
  });

  it('when the clean-up ran, then every key Contain now cut down is gone and Restore writes nothing', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const ctx = { ...h.ctx, contained: changes };
    const { actions } = await step(REPLACE_API_KEYS).discover(ctx);
    await executeAll(step(REPLACE_API_KEYS), ctx, actions);
    const writes = h.sim.stats.totalWrites();
    const back = await restore().discover(ctx);
    expect(back.actions).toEqual([]);
    expect(back.findings.map((f) => f.reasons[0])).toEqual(
      changes.map(() => 'deleted by the clean-up (or since Contain now): nothing to put back'),
    );
    expect(back.summary).toMatch(/^Nothing is left to put back; 4 of the 4 stay as they are/);
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when a key was deleted or given other scopes meanwhile, then Restore leaves it and says why', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const attacker = sendgridPlantedIdsByKind(h.sim).api_key[0];
    const [deleted, changed] = changes.filter((c) => c.target !== attacker);
    if (!deleted || !changed) throw new Error('the seed has two keys besides the attacker’s');
    h.sim.state.apiKeys = h.sim.state.apiKeys.filter((k) => k.api_key_id !== deleted.target);
    const key = h.sim.state.apiKeys.find((k) => k.api_key_id === changed.target);
    if (!key) throw new Error('no key');
    key.scopes = ['stats.read'];
    const back = await restore().discover({ ...h.ctx, contained: changes });
    expect(back.actions.map((a) => a.target)).not.toContain(deleted.target);
    expect(back.actions.map((a) => a.target)).not.toContain(changed.target);
    const reason = (id: string) => back.findings.find((f) => f.resource === id)?.reasons[0];
    expect(reason(deleted.target)).toBe(
      'deleted by the clean-up (or since Contain now): nothing to put back',
    );
    expect(reason(changed.target)).toBe(
      'someone changed its scopes since Contain now: they are left as they are',
    );
    expect(key.scopes).toEqual(['stats.read']);
  });

  it('when the clean-up made a key’s replacement but the old key is still there, then Restore leaves the old one cut down', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const production = h.sim.state.apiKeys.find((k) => k.name === 'Production mail');
    if (!production) throw new Error('the seed has “Production mail”');
    h.sim.state.apiKeys.push({
      api_key_id: 'replacement-1',
      name: 'Production mail (replaced by Reclaim)',
      scopes: ['mail.send'],
    });
    const back = await restore().discover({ ...h.ctx, contained: changes });
    expect(back.actions.map((a) => a.target)).not.toContain(production.api_key_id);
    expect(back.findings.find((f) => f.resource === production.api_key_id)?.reasons[0]).toMatch(
      /^the clean-up made its replacement “Production mail \(replaced by Reclaim\)”/,
    );
  });

  it('when a put-back key was deleted before its action ran, then the action is done without a write', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const [first] = (await restore().discover({ ...h.ctx, contained: changes })).actions;
    if (!first) throw new Error('no plan');
    h.sim.state.apiKeys = h.sim.state.apiKeys.filter((k) => k.api_key_id !== first.target);
    const writes = h.sim.stats.totalWrites();
    expect((await restore().execute(h.ctx, first, { recheck: false })).result.note).toBe('already gone');
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when Contain now stopped nothing, then Restore has nothing to plan', async () => {
    const h = harness();
    const back = await restore().discover({ ...h.ctx, contained: [] });
    expect(back.actions).toEqual([]);
    expect(back.summary).toMatch(/stopped nothing/);
  });
});
