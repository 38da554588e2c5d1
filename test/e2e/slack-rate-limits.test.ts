import { describe, expect, it } from 'vitest';
import { APPROVERS } from './support/bot-env.js';
import { progressText, stepCards } from './support/cards.js';
import { badge, openIncident, STEPS, settleEveryStep, WAIT_MS } from './support/drive-incident.js';
import { startedWorld } from './support/world.js';

const [BOB, CAROL, DAVE] = APPROVERS;

describe('Slack rate limiting the bot', () => {
  it('when Slack answers posts and updates with 429s, then the cards arrive late but none is lost and each ends in its final state', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished);
    const { fs } = world;
    fs.rateLimitNext('chat.postMessage', 2, 1);
    const { channel } = await openIncident(world);

    fs.rateLimitNext('chat.update', 2, 1);
    await settleEveryStep(world, channel.id);
    await fs.waitFor(
      () => progressText(fs, channel.id).includes(`${STEPS.length} of ${STEPS.length} steps settled`),
      {
        timeoutMs: WAIT_MS,
        description: 'the progress card counts every step settled',
      },
    );

    expect(fs.callsTo('chat.postMessage').filter((c) => c.status === 429).length).toBeGreaterThanOrEqual(2);
    expect(fs.callsTo('chat.update').filter((c) => c.status === 429).length).toBeGreaterThanOrEqual(2);
    const cards = stepCards(fs, channel.id);
    expect(cards.map((c) => c.title)).toEqual(STEPS.map((s) => s.title));
    for (const [i, step] of STEPS.entries()) {
      const card = cards[i]!;
      expect(card.text).toContain(badge('done', step.kind));
      if (step.kind === 'manual') continue;
      const approvers = card.text.includes('changes made')
        ? step.risk === 'high'
          ? [BOB, CAROL]
          : [DAVE]
        : [];
      for (const user of approvers) expect(card.text).toContain(`<@${user}>`);
    }
    expect(fs.failures).toEqual([]);
  }, 180_000);
});
