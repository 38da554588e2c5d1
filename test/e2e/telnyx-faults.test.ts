import { describe, it } from 'vitest';
import { SET_SPEND_LIMITS } from '../../src/playbooks/telnyx/index.js';
import {
  DEFAULT_SIM_RATE_LIMIT,
  plantedIdsByKind,
  unresolvedPlantedChanges,
} from '../../src/sandbox/telnyx/index.js';
import { APPROVERS, RESPONDERS } from './support/bot-env.js';
import { cardTitled, progressText, repliesText } from './support/cards.js';
import {
  approveAs,
  badge,
  clickOn,
  openIncident,
  STEPS,
  settleEveryStep,
  titleOf,
  WAIT_MS,
  waitForCardState,
} from './support/drive-incident.js';
import { startedWorld } from './support/world.js';
import { expectOneWritePerAction } from './support/writes-per-action.js';

async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

// Concurrent: the tests spend most of their time in Retry-After waits and backoff, each with its own bot.
describe.concurrent('Telnyx failing under the bot', () => {
  it('when Telnyx answers with a 429 storm and bursts of 500s during discovery and execution, then every step still ends done, each change made once', async ({
    expect,
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished);
    const { fs, sim } = world;
    // The bot paces itself to 50 requests/s; the account now allows 3/s. Its x-ratelimit headers
    // hold the bot back before the limit (provider-paced execution), so discovery meets few or no
    // 429s; the injected 429s below still exercise Retry-After.
    sim.setRateLimit({ perSecond: 3, burst: 3 });
    sim.faults.failNext(3, 500);
    const { channel } = await openIncident(world);
    expect(sim.stats.byStatus['500']).toBe(3);
    for (const step of STEPS.filter((s) => s.kind === 'automated')) {
      expect(cardTitled(fs, channel.id, step.title).text).not.toContain(badge('failed', 'automated'));
    }

    // Execution meets a burst of 500s, then of 429s, at the account's usual rate.
    sim.setRateLimit(DEFAULT_SIM_RATE_LIMIT);
    const limitedBefore = sim.stats.rateLimited;
    sim.faults.failNext(2, 500);
    sim.faults.failNext(3, 429);
    await settleEveryStep(world, channel.id);
    expect(sim.stats.byStatus['500']).toBe(5);
    expect(sim.stats.rateLimited).toBeGreaterThan(limitedBefore);
    expect(await metric(world.baseUrl, 'reclaim_provider_429_total')).toBeGreaterThan(0);

    expect(unresolvedPlantedChanges(sim)).toEqual([]);
    expect((await world.stop()).code).toBe(0);
    await expectOneWritePerAction(world);
  }, 180_000);

  it('when Telnyx rejects every change for a while, then the step fails with the error on its card, and Retry after the outage finishes it', async ({
    expect,
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished);
    const { fs, sim } = world;
    const { channel } = await openIncident(world);
    const title = titleOf(SET_SPEND_LIMITS);
    const [profile] = plantedIdsByKind(sim).outbound_voice_profile;

    const endOutage = sim.faults.failWhen((req) => req.method !== 'GET', 503);
    await approveAs(world, channel.id, title, [APPROVERS[2]]);
    const failed = await waitForCardState(world, channel.id, title, 'failed');
    expect(failed.text).toMatch(/Failed while executing/);
    expect(failed.text).toContain('503');
    expect(failed.buttons.map((b) => b.actionId)).toContain('step.retry');
    await fs.waitFor(() => /failed:.*503/.test(progressText(fs, channel.id)), {
      timeoutMs: WAIT_MS,
      description: 'the progress card shows the failure',
    });
    expect(sim.stats.writesTo(profile!)).toBe(0);

    // Retrying a failed change takes an approver; a responder is refused and nothing runs.
    const refused = await clickOn(world, channel.id, title, 'step.retry', RESPONDERS[1]);
    await fs.waitFor(() => /approver/i.test(repliesText(refused)), { timeoutMs: WAIT_MS });
    expect(cardTitled(fs, channel.id, title).text).toContain(badge('failed', 'automated'));

    endOutage();
    await clickOn(world, channel.id, title, 'step.retry', APPROVERS[2]);
    const done = await waitForCardState(world, channel.id, title, 'done');
    // The outbound profile's limits and the messaging profile's destination list.
    expect(done.text).toContain('2 of 2 changes made');
    expect(done.buttons.map((b) => b.actionId)).not.toContain('step.retry');
    expect(sim.stats.writesTo(profile!)).toBe(1);
    expect(unresolvedPlantedChanges(sim).filter((c) => c.kind === 'outbound_voice_profile')).toEqual([]);
  }, 180_000);
});
