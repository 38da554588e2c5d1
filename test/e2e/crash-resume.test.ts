import { describe, it } from 'vitest';
import { plantedIdsByKind } from '../../src/sandbox/telnyx/index.js';
import { stateEmoji } from '../../src/slack/blocks/state-badges.js';
import { APPROVERS } from './support/bot-env.js';
import { cardTitled, progressText } from './support/cards.js';
import {
  approveAs,
  definitionOf,
  openIncident,
  WAIT_MS,
  waitForCardState,
} from './support/drive-incident.js';
import { hangNth, isForwardingWrite } from './support/hang-nth.js';
import { startedWorld } from './support/world.js';

const FORWARDING = definitionOf('telnyx.disable-forwarding');
const [BOB, CAROL] = APPROVERS;

describe('crash and resume', () => {
  // Concurrent: most of each test is waiting (leases, pacing), and each has its own bot and fakes.
  it.concurrent.for([
    ['the 4th write had not reached Telnyx', false],
    ['the 4th write landed but its answer was lost', true],
  ] as const)(
    'when the bot is killed -9 half-way through disabling 10 forwardings (%s) and started again, then the step completes and each number was written exactly once',
    { timeout: 180_000 },
    async ([, afterApply], { expect, onTestFinished }) => {
      const world = await startedWorld(onTestFinished, { seed: { forwarding: 10 } });
      const { fs, sim } = world;
      const { channel } = await openIncident(world);
      const numbers = plantedIdsByKind(sim).call_forwarding;
      expect(numbers).toHaveLength(10);
      expect(cardTitled(fs, channel.id, FORWARDING.title).text).toContain('Approve 10 changes');

      hangNth(sim, 4, isForwardingWrite, { afterApply });
      await approveAs(world, channel.id, FORWARDING.title, [BOB, CAROL]);
      await fs.waitFor(() => sim.faults.hangingCount === 1, {
        timeoutMs: WAIT_MS,
        description: 'the 4th forwarding write hangs',
      });
      // Forwarding runs four writes at once, so the ones after the hung 4th may land too; the hung one
      // has not (or has, with its answer lost), and none was written twice.
      const written = numbers.filter((id) => sim.stats.writesTo(id) === 1).length;
      expect(written).toBeGreaterThanOrEqual(afterApply ? 4 : 3);
      expect(written).toBeLessThanOrEqual(afterApply ? 10 : 9);
      expect(numbers.every((id) => sim.stats.writesTo(id) <= 1)).toBe(true);
      await waitForCardState(world, channel.id, FORWARDING.title, 'executing');

      const crash = await world.crash();
      expect(crash.signal).toBe('SIGKILL');
      sim.faults.releaseHanging();
      await world.start();

      const card = await waitForCardState(world, channel.id, FORWARDING.title, 'done');
      expect(card.text).toContain('10 of 10 changes made');
      expect(card.text).toContain(`<@${BOB}>`);
      expect(card.text).toContain(`<@${CAROL}>`);
      expect(card.buttons.map((b) => b.actionId)).not.toContain('step.retry');
      const position = card.number;
      await fs.waitFor(
        () =>
          progressText(fs, channel.id).includes(
            `${stateEmoji({ state: 'done', kind: 'automated' })} ${position}. `,
          ),
        { timeoutMs: WAIT_MS, description: 'the progress card shows the step done' },
      );
      expect(progressText(fs, channel.id)).not.toMatch(/executing/);
      expect(numbers.map((id) => sim.stats.writesTo(id))).toEqual(numbers.map(() => 1));
      expect(sim.stats.totalWrites()).toBe(10);
      expect(world.logs()).toContain('open incidents resumed');
    },
  );
});
