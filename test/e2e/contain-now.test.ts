import { describe, it } from 'vitest';
import { CONTAIN_NOW, RESTORE_CONTAINED } from '../../src/playbooks/telnyx/index.js';
import { restoreContainedStep } from '../../src/playbooks/telnyx/restore-contained.js';
import type { FaultRequest } from '../../src/sandbox/telnyx/index.js';
import { APPROVERS } from './support/bot-env.js';
import { cardTitled, progressText, stepCards } from './support/cards.js';
import {
  approveAs,
  closeIncident,
  definitionOf,
  openIncident,
  STEPS,
  settleEveryStep,
  WAIT_MS,
  waitForCardState,
} from './support/drive-incident.js';
import { hangNth } from './support/hang-nth.js';
import { restoreContained } from './support/restore-contained.js';
import { startedWorld } from './support/world.js';
import { expectOneWritePerAction } from './support/writes-per-action.js';

const CONTAIN = definitionOf(CONTAIN_NOW);
const RESTORE = restoreContainedStep;
const [BOB, , DAVE] = APPROVERS;

const isProfileWrite = (req: FaultRequest): boolean =>
  req.method === 'PATCH' &&
  (req.route === 'PATCH /outbound_voice_profiles/{id}' || req.route === 'PATCH /messaging_profiles/{id}');

describe('Contain now through the front door', () => {
  it.concurrent('when the team contains, remediates and restores, then calls and messages stop at once, come back exactly as they were, and the report says how fast', {
    timeout: 240_000,
  }, async ({ expect, onTestFinished }) => {
    const world = await startedWorld(onTestFinished);
    const { fs, sim } = world;
    const { channel } = await openIncident(world);
    const cards = stepCards(fs, channel.id);
    expect(cards[0]?.title).toBe(CONTAIN.title);
    const profiles = [...sim.state.outboundVoiceProfiles, ...sim.state.messagingProfiles].map((p) => p.id);
    expect(cardTitled(fs, channel.id, CONTAIN.title).text).toContain(`Approve ${profiles.length} changes`);

    // One approval, as soon as the card allows.
    await approveAs(world, channel.id, CONTAIN.title, [DAVE]);
    const contained = await waitForCardState(world, channel.id, CONTAIN.title, 'done');
    expect(contained.text).toMatch(/Contained at .*, \d+ s after start/);
    expect(contained.buttons.map((b) => b.actionId)).toContain('step.restore');
    expect(sim.state.outboundVoiceProfiles.every((p) => p.enabled === false)).toBe(true);
    expect(sim.state.messagingProfiles.every((p) => p.enabled === false)).toBe(true);

    // The checklist, then Restore: each profile enabled again, each written once per change.
    await settleEveryStep(
      world,
      channel.id,
      () => undefined,
      STEPS.filter((s) => s.id !== CONTAIN_NOW),
    );
    expect(await restoreContained(world, channel.id)).toEqual([RESTORE.title]);
    expect(cardTitled(fs, channel.id, RESTORE.title).number).toBe(STEPS.length + 1);
    expect(sim.state.outboundVoiceProfiles.every((p) => p.enabled !== false)).toBe(true);
    expect(sim.state.messagingProfiles.every((p) => p.enabled !== false)).toBe(true);
    expect(cardTitled(fs, channel.id, CONTAIN.title).buttons.map((b) => b.actionId)).not.toContain(
      'step.restore',
    );

    const report = await closeIncident(world, channel.id);
    expect(report).toMatch(
      new RegExp(
        `- Time to containment: \\d+ s \\(${CONTAIN_NOW}: ${profiles.length} stopped by .*; restored: ${profiles.length} put back\\)`,
      ),
    );
    await fs.waitFor(() => progressText(fs, channel.id).includes('Closed'), { timeoutMs: WAIT_MS });
    expect((await world.stop()).code).toBe(0);
    for (const id of profiles) expect(sim.stats.writesTo(id)).toBeGreaterThanOrEqual(2);
    await expectOneWritePerAction(world);
    await world.withDb(async (db) => {
      const { rows } = await db.query<{ step_key: string }>(
        `SELECT step_key FROM steps WHERE step_key = $1`,
        [RESTORE_CONTAINED],
      );
      expect(rows).toHaveLength(1);
    });
  });

  it.concurrent('when the bot is killed -9 while Contain now is writing and started again, then containment completes and no profile was written twice', {
    timeout: 180_000,
  }, async ({ expect, onTestFinished }) => {
    const world = await startedWorld(onTestFinished);
    const { fs, sim } = world;
    const { channel } = await openIncident(world);
    const profiles = [...sim.state.outboundVoiceProfiles, ...sim.state.messagingProfiles].map((p) => p.id);
    expect(profiles.length).toBeGreaterThanOrEqual(2);

    hangNth(sim, 2, isProfileWrite, { afterApply: true });
    await approveAs(world, channel.id, CONTAIN.title, [BOB]);
    await fs.waitFor(() => sim.faults.hangingCount === 1, {
      timeoutMs: WAIT_MS,
      description: 'the 2nd profile write hangs (applied, its answer not sent)',
    });
    await waitForCardState(world, channel.id, CONTAIN.title, 'executing');
    expect(profiles.every((id) => sim.stats.writesTo(id) <= 1)).toBe(true);

    expect((await world.crash()).signal).toBe('SIGKILL');
    sim.faults.releaseHanging();
    await world.start();

    const card = await waitForCardState(world, channel.id, CONTAIN.title, 'done');
    expect(card.text).toMatch(/Contained at .*, \d+ s after start/);
    expect(sim.state.outboundVoiceProfiles.every((p) => p.enabled === false)).toBe(true);
    expect(sim.state.messagingProfiles.every((p) => p.enabled === false)).toBe(true);
    expect(profiles.map((id) => sim.stats.writesTo(id))).toEqual(profiles.map(() => 1));
    expect(sim.stats.totalWrites()).toBe(profiles.length);
  });
});
