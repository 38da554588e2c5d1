import { describe, expect, it } from 'vitest';
import { CONTAIN_NOW, RESTORE_CONTAINED, TELNYX_STEPS } from '../../../src/playbooks/telnyx/index.js';
import type {
  AutomatedStepDefinition,
  ContainedChange,
  PlaybookContext,
} from '../../../src/playbooks/types.js';
import type { TelnyxClient } from '../../../src/providers/telnyx/index.js';
import { executeAll, harness, seeded, step } from './telnyx-kit.js';

const contain = () => step(CONTAIN_NOW);
const restore = () => contain().restore as AutomatedStepDefinition<TelnyxClient>;

/** What the engine hands Restore: Contain now's done actions with their results. */
async function containAll(ctx: PlaybookContext<TelnyxClient>): Promise<ContainedChange[]> {
  const { actions } = await contain().discover(ctx);
  const outcomes = await executeAll(contain(), ctx, actions);
  return actions.map((a, i) => ({ ...a, result: outcomes[i]?.result ?? null }));
}

describe('Telnyx Contain now', () => {
  it('when the incident starts, then Contain now is the first step and plans to disable every enabled outbound voice and messaging profile', async () => {
    expect(TELNYX_STEPS[0]?.id).toBe(CONTAIN_NOW);
    const h = harness();
    const enabledVoice = h.sim.state.outboundVoiceProfiles
      .filter((p) => p.enabled !== false)
      .map((p) => p.id);
    const enabledSms = h.sim.state.messagingProfiles.filter((p) => p.enabled !== false).map((p) => p.id);
    expect(enabledVoice.length + enabledSms.length).toBeGreaterThan(1);
    const d = await contain().discover(h.ctx);
    expect(
      d.actions
        .filter((a) => a.kind === 'disable_outbound_voice_profile')
        .map((a) => a.target)
        .sort(),
    ).toEqual([...enabledVoice].sort());
    expect(
      d.actions
        .filter((a) => a.kind === 'disable_messaging_profile')
        .map((a) => a.target)
        .sort(),
    ).toEqual([...enabledSms].sort());
    expect(d.summary).toMatch(/^Disable \d+ outbound voice profiles? and \d+ messaging profiles? now/);
  });

  it('when the plan runs, then every profile is disabled at the provider; run again with recheck, it writes nothing', async () => {
    const h = harness();
    const { actions } = await contain().discover(h.ctx);
    await executeAll(contain(), h.ctx, actions);
    expect(h.sim.state.outboundVoiceProfiles.every((p) => p.enabled === false)).toBe(true);
    expect(h.sim.state.messagingProfiles.every((p) => p.enabled === false)).toBe(true);
    const writes = () => h.sim.stats.totalWrites();
    const before = writes();
    await executeAll(contain(), h.ctx, actions, true);
    expect(writes()).toBe(before);
    expect((await contain().discover(h.ctx)).actions).toEqual([]);
  });

  it('when a profile was already disabled before the incident, then it is not planned, so Restore never turns it on', async () => {
    const sim = seeded();
    const off = sim.state.messagingProfiles[0];
    if (!off) throw new Error('the seed has a messaging profile');
    off.enabled = false;
    const h = harness(sim);
    const changes = await containAll(h.ctx);
    expect(changes.map((c) => c.target)).not.toContain(off.id);
    const back = await restore().discover({ ...h.ctx, contained: changes });
    await executeAll(restore(), h.ctx, back.actions);
    expect(sim.state.messagingProfiles.find((p) => p.id === off.id)?.enabled).toBe(false);
  });
});

describe('Telnyx Restore', () => {
  it('when the clean-up is done, then Restore enables again exactly the profiles Contain now disabled', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const back = await restore().discover({ ...h.ctx, contained: changes });
    expect(restore().id).toBe(RESTORE_CONTAINED);
    expect(back.actions.map((a) => a.target).sort()).toEqual(changes.map((c) => c.target).sort());
    await executeAll(restore(), h.ctx, back.actions);
    expect(h.sim.state.outboundVoiceProfiles.every((p) => p.enabled !== false)).toBe(true);
    expect(h.sim.state.messagingProfiles.every((p) => p.enabled !== false)).toBe(true);
  });

  it('when someone enabled a profile again or deleted it meanwhile, then Restore leaves it and says why', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const [first, second] = h.sim.state.outboundVoiceProfiles;
    if (!first || !second) throw new Error('the seed has two outbound voice profiles');
    first.enabled = true;
    h.sim.state.outboundVoiceProfiles.splice(1, 1);
    const back = await restore().discover({ ...h.ctx, contained: changes });
    expect(back.actions.map((a) => a.target)).not.toContain(first.id);
    expect(back.actions.map((a) => a.target)).not.toContain(second.id);
    const said = back.findings.filter((f) => f.resource === first.id || f.resource === second.id);
    expect(said.map((f) => f.reasons[0]).sort()).toEqual([
      'deleted since Contain now: nothing to put back',
      'someone enabled it already',
    ]);
    expect(back.summary).toMatch(/2 of the \d+ stay as they are/);
  });

  it('when Restore runs again with recheck after a crash, then it writes nothing more', async () => {
    const h = harness();
    const changes = await containAll(h.ctx);
    const back = await restore().discover({ ...h.ctx, contained: changes });
    await executeAll(restore(), h.ctx, back.actions);
    const writes = h.sim.stats.totalWrites();
    await executeAll(restore(), h.ctx, back.actions, true);
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when Contain now stopped nothing, then Restore has nothing to plan', async () => {
    const h = harness();
    const back = await restore().discover({ ...h.ctx, contained: [] });
    expect(back.actions).toEqual([]);
    expect(back.summary).toMatch(/stopped nothing/);
  });
});
