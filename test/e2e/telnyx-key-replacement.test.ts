// The Telnyx API-key card: an approver gives Reclaim the new key from the card; Mark done is
// checked with Telnyx (every key Reclaim held before must be refused) before the card is done.
import { describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY } from '../../src/sandbox/telnyx/index.js';
import { APPROVERS, REQUESTER } from './support/bot-env.js';
import { cardTitled, repliesText } from './support/cards.js';
import {
  badge,
  clickOn,
  openIncident,
  titleOf,
  WAIT_MS,
  waitForCardState,
} from './support/drive-incident.js';
import { giveNewKey, REPLACE_KEYS } from './support/replace-telnyx-key.js';
import { startedWorld, type World } from './support/world.js';

const TITLE = titleOf(REPLACE_KEYS);
const NEW_KEY = 'KEY-created-in-portal-e2e-7c1d';
const REFUSED_KEY = 'KEY-never-created-anywhere-0b9e';
const OLD_HINT = `…${SANDBOX_API_KEY.slice(-4)}`;

const card = (world: World, channel: string) => cardTitled(world.fs, channel, TITLE);
const waitForCard = (world: World, channel: string, text: string, description: string) =>
  world.fs.waitFor(() => card(world, channel).text.includes(text), { timeoutMs: WAIT_MS, description });

/** Everything the bot sent Slack, logged, or audited: no key may be in any of it. */
async function everyCapturedByte(world: World): Promise<string> {
  await world.stop();
  const audit = await world.withDb(async (db) => {
    const { rows } = await db.query('SELECT action, payload FROM audit_log ORDER BY seq');
    return JSON.stringify(rows);
  });
  return [JSON.stringify(world.fs.calls.map((c) => c.args)), world.logs(), audit].join('\n');
}

describe('the Telnyx API-key card: give Reclaim the new key, and Mark done only once Telnyx refuses every old one', () => {
  it('when the new key is given from the card and the old one deleted in the portal, then Mark done waits for Telnyx to refuse the old key; a refused key, a provider error and a non-approver are each answered', async ({
    onTestFinished,
  }) => {
    const world = await startedWorld(onTestFinished);
    const { channel } = await openIncident(world);
    const ch = channel.id;
    expect(card(world, ch).text).toContain(`Reclaim uses the key ending *${OLD_HINT}*`);

    // A responder who is not an approver: refused, no form opens.
    const views = world.fs.views.length;
    const stranger = await clickOn(world, ch, TITLE, 'step.give_key', REQUESTER);
    await world.fs.waitFor(() => repliesText(stranger).includes('Only approvers'), { timeoutMs: WAIT_MS });
    expect(world.fs.views).toHaveLength(views);

    // Mark done before Reclaim has a new key: not done, the card says what to do.
    await clickOn(world, ch, TITLE, 'step.done', REQUESTER);
    await waitForCard(world, ch, 'give it the new one first', 'the card asks for the new key');
    expect(card(world, ch).text).toContain(badge('pending', 'manual'));

    // A key Telnyx does not know: answered in Telnyx's words, nothing sealed.
    const refused = await giveNewKey(world, ch, REFUSED_KEY);
    expect(refused.status).toBe(200);
    expect(refused.shown).toContain(
      'telnyx refused it (401): The required authentication headers were either invalid',
    );
    expect(card(world, ch).text).toContain(OLD_HINT);

    // The new key, created in the portal first: checked, sealed, named on the card by its last 4.
    world.sim.addApiKey(NEW_KEY);
    const given = await giveNewKey(world, ch, NEW_KEY, APPROVERS[1]);
    expect(given.shown).toContain(`…${NEW_KEY.slice(-4)}`);
    await waitForCard(
      world,
      ch,
      `Reclaim uses the key ending *…${NEW_KEY.slice(-4)}*`,
      'the card names the new key',
    );

    // The old key still works: Mark done is refused and the card names it.
    await clickOn(world, ch, TITLE, 'step.done', REQUESTER);
    await waitForCard(
      world,
      ch,
      `still accepts the old key ending ${OLD_HINT}`,
      'the card names the old key',
    );
    expect(card(world, ch).buttons.map((b) => b.actionId)).toContain('step.done');

    // Telnyx cannot be asked: the card says so and offers Retry; nothing is marked done.
    const outage = world.sim.faults.failWhen((r) => r.route === 'GET /balance', 503);
    await clickOn(world, ch, TITLE, 'step.done', REQUESTER);
    await waitForCard(
      world,
      ch,
      'Reclaim could not check this with the provider',
      'the card shows the error',
    );
    const retry = card(world, ch).buttons.find((b) => b.actionId === 'step.done');
    expect(JSON.stringify(card(world, ch).message.blocks)).toContain('"Retry"');
    expect(retry).toBeDefined();
    expect(card(world, ch).text).toContain(badge('pending', 'manual'));

    // Deleted in the portal, and Telnyx answers again: it refuses the old key, so the step is done.
    outage();
    world.sim.deleteApiKey(SANDBOX_API_KEY);
    await clickOn(world, ch, TITLE, 'step.done', REQUESTER);
    await waitForCardState(world, ch, TITLE, 'done', 'manual');

    const captured = await everyCapturedByte(world);
    for (const secret of [NEW_KEY, REFUSED_KEY, SANDBOX_API_KEY]) expect(captured).not.toContain(secret);
    expect(captured).toContain('connection.rotated');
  }, 240_000);
});
