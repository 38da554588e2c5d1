import { describe, it } from 'vitest';
import type { InteractionResult } from '../support/fake-slack/index.js';
import { APPROVERS } from './support/bot-env.js';
import { buttonOn, cardTitled } from './support/cards.js';
import { definitionOf, openIncident, WAIT_MS } from './support/drive-incident.js';
import { startedWorld } from './support/world.js';

const FORWARDING = definitionOf('telnyx.disable-forwarding');
const [BOB] = APPROVERS;

const health = (baseUrl: string) =>
  fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.status,
    () => 0,
  );
const replies = (result: InteractionResult) => result.responses.map((r) => JSON.stringify(r.body)).join('\n');

// Only PostgreSQL can go away under a running bot; PGlite lives inside it.
describe.runIf(process.env.DATABASE_URL)('PostgreSQL going away while the bot runs', () => {
  it('when the database is cut, then /healthz turns red and a click is answered "storage unavailable" with nothing changed; when it returns, the bot recovers and the same click works', {
    timeout: 180_000,
  }, async ({ expect, onTestFinished }) => {
    const world = await startedWorld(onTestFinished, { databaseProxy: true });
    const { fs } = world;
    const database = world.database!;
    const { channel } = await openIncident(world);
    expect(await health(world.baseUrl)).toBe(200);

    database.cut();
    await fs.waitFor(async () => (await health(world.baseUrl)) === 503, {
      timeoutMs: WAIT_MS,
      description: '/healthz answers 503 while the database is unreachable',
    });
    const during = await fs.click(BOB, buttonOn(fs, channel.id, FORWARDING.title, 'step.approve'));
    expect(during.status).toBe(200);
    await fs.waitFor(() => replies(during).includes('storage is unavailable'), {
      timeoutMs: WAIT_MS,
      description: 'the click is answered with "storage unavailable"',
    });
    expect(cardTitled(fs, channel.id, FORWARDING.title).text).not.toContain(`<@${BOB}>`);
    expect(world.bot.done).toBe(false);
    const statusDuring = await fs.command(BOB, '/compromise', 'status', { channelId: channel.id });
    expect(statusDuring.status).toBe(200);
    await fs.waitFor(() => replies(statusDuring).includes('storage is unavailable'), { timeoutMs: WAIT_MS });

    database.restore();
    await fs.waitFor(async () => (await health(world.baseUrl)) === 200, {
      timeoutMs: WAIT_MS,
      description: '/healthz is green again once the database is back',
    });
    await fs.click(BOB, buttonOn(fs, channel.id, FORWARDING.title, 'step.approve'));
    await fs.waitFor(() => cardTitled(fs, channel.id, FORWARDING.title).text.includes(`<@${BOB}>`), {
      timeoutMs: WAIT_MS,
      description: 'the approval is recorded on the card after the outage',
    });
    expect(world.logs()).toContain('storage_unavailable');
  });
});
