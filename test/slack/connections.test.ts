// Giving, listing and removing provider access from Slack, approvers only, the credential never echoed.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, seedAttackedAccount, serveSimulator } from '../../src/sandbox/telnyx/index.js';
import { CONNECT_MODAL_CALLBACK_ID } from '../../src/slack/blocks/build-connect-modal.js';
import { NEW_KEY_MODAL_CALLBACK_ID } from '../../src/slack/blocks/build-new-key-modal.js';
import { STEP_ACTION } from '../../src/slack/blocks/button-value.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { repliesText } from './support.js';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

const GOOD_KEY = 'KEY-good-eu-account-7f3a9c';
const BAD_KEY = 'KEY-refused-by-telnyx-1b2c';

async function connectVia(bot: TestBot, user: string, text: string, key: string) {
  const before = bot.fs.views.length;
  const answer = await bot.fs.command(user, '/compromise', text, { channelId: 'CGENERAL' });
  const view = await bot.fs.waitFor(() => bot.fs.views[before]);
  expect(view.view.callback_id).toBe(CONNECT_MODAL_CALLBACK_ID);
  const submitted = await bot.fs.submitView(user, view.id, {
    api_key: { api_key: { type: 'plain_text_input', value: key } },
  });
  // What the person sees after submitting: the form's errors, or the sentence it became.
  const shown = `${JSON.stringify(submitted.body)} ${JSON.stringify(bot.fs.views[before]?.view)}`;
  return { answer, view, submitted, shown };
}

/** Everything the bot sent or logged, but the modal's own input (what the person typed into it). */
function everyCapturedByte(bot: TestBot, audit: string): string {
  const calls = bot.fs
    .callsTo('chat.postEphemeral')
    .concat(
      ...[
        'chat.postMessage',
        'chat.update',
        'views.open',
        'conversations.create',
        'conversations.setTopic',
      ].map((m) => bot.fs.callsTo(m)),
    );
  return [JSON.stringify(calls.map((c) => c.args)), bot.logs(), audit].join('\n');
}

describe('Slack front door: approvers give, list and remove provider access', () => {
  it('when an approver connects a good key, then it is checked, sealed and listed; a refused one is answered with the provider’s reason; neither is ever echoed', async () => {
    tb = await startTestBot();
    const good = await connectVia(tb, 'UBOB', 'connect telnyx eu', GOOD_KEY);
    expect(good.submitted.status).toBe(200);
    expect(good.shown).toContain('`telnyx:eu` is connected');

    const bad = await connectVia(tb, 'UBOB', 'connect telnyx backup', BAD_KEY);
    expect(bad.submitted.status).toBe(200);
    expect(bad.shown).toContain('errors');
    expect(bad.shown).toContain('telnyx refused it (401): Authentication failed');
    expect(await tb.bot.engine.deps.connections?.find('telnyx:backup')).toBeNull();

    const list = await tb.fs.command('UBOB', '/compromise', 'connections', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(list).includes('`telnyx:eu`'));
    expect(repliesText(list)).toContain('added by <@UBOB>');
    expect(repliesText(list)).toContain('`telnyx` · telnyx');
    expect(repliesText(list)).not.toContain('telnyx:backup');

    const { rows } = await tb.t.db.query<{ action: string; payload: unknown }>(
      `SELECT action, payload FROM audit_log ORDER BY seq`,
    );
    expect(rows.filter((r) => r.action === 'connection.added').map((r) => r.payload)).toEqual([
      expect.objectContaining({ label: 'telnyx', source: 'env' }),
      expect.objectContaining({ label: 'telnyx:eu', source: 'slack' }),
    ]);
    const captured = everyCapturedByte(tb, JSON.stringify(rows));
    for (const secret of [GOOD_KEY, BAD_KEY, 'KEY-test-telnyx']) expect(captured).not.toContain(secret);
    const stored = await tb.t.db.query('SELECT * FROM connection_credentials');
    expect(JSON.stringify(stored.rows)).not.toContain(GOOD_KEY);
  });

  it('when an approver gives the new key from the Telnyx API-key card, then a refused one and the good one are answered and neither is ever echoed', async () => {
    const sim = seedAttackedAccount({ since: new Date(Date.now() - 2 * 86_400_000) });
    const served = await serveSimulator(sim);
    try {
      tb = await startTestBot({
        playbooks: 'sandbox',
        env: { TELNYX_API_KEY: SANDBOX_API_KEY, TELNYX_API_URL: served.url },
      });
      const bot = tb;
      await bot.fs.command('UALICE', '/compromise', 'start telnyx acme', { channelId: 'CGENERAL' });
      const channel = await bot.fs.waitFor(() => bot.fs.channels.find((c) => c.name.includes('acme')), {
        timeoutMs: 30_000,
      });
      const giveKey = () => bot.fs.findButtons(channel.id, (b) => b.actionId === STEP_ACTION.giveKey)[0];
      const submitKey = async (key: string) => {
        const before = bot.fs.views.length;
        const button = await bot.fs.waitFor(giveKey, { timeoutMs: 30_000 });
        await bot.fs.click('UBOB', button);
        const view = await bot.fs.waitFor(() => bot.fs.views[before], { timeoutMs: 15_000 });
        expect(view.view.callback_id).toBe(NEW_KEY_MODAL_CALLBACK_ID);
        const submitted = await bot.fs.submitView('UBOB', view.id, {
          api_key: { api_key: { type: 'plain_text_input', value: key } },
        });
        return `${JSON.stringify(submitted.body)} ${JSON.stringify(bot.fs.views[before]?.view)}`;
      };
      expect(await submitKey(BAD_KEY)).toContain('telnyx refused it (401)');
      sim.addApiKey(GOOD_KEY);
      expect(await submitKey(GOOD_KEY)).toContain(`…${GOOD_KEY.slice(-4)}`);
      // The card is redrawn naming the key by its last 4 characters, and only so.
      await bot.fs.waitFor(
        () =>
          JSON.stringify(bot.fs.callsTo('chat.update').map((c) => c.args)).includes(`…${GOOD_KEY.slice(-4)}`),
        { timeoutMs: 15_000 },
      );
      const { rows } = await bot.t.db.query('SELECT action, payload FROM audit_log ORDER BY seq');
      expect(JSON.stringify(rows)).toContain('connection.rotated');
      const captured = everyCapturedByte(bot, JSON.stringify(rows));
      for (const secret of [GOOD_KEY, BAD_KEY, SANDBOX_API_KEY]) expect(captured).not.toContain(secret);
    } finally {
      await tb?.stop();
      tb = undefined;
      await served.close();
    }
  }, 120_000);

  it('when someone who is not an approver asks, then no form opens and nothing is listed or removed', async () => {
    tb = await startTestBot();
    const connect = await tb.fs.command('UALICE', '/compromise', 'connect telnyx eu', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(connect).includes('Only approvers'));
    expect(tb.fs.views).toHaveLength(0);
    const list = await tb.fs.command('UALICE', '/compromise', 'connections', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(list).includes('Only approvers'));
    const remove = await tb.fs.command('UALICE', '/compromise', 'disconnect telnyx', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(remove).includes('Only approvers'));
    expect(await tb.bot.engine.deps.connections?.find('telnyx')).not.toBeNull();
  });

  it('when an approver disconnects a connection, then it and its credentials are gone, audited; an unknown label is named', async () => {
    tb = await startTestBot();
    expect((await connectVia(tb, 'UBOB', 'connect telnyx eu', GOOD_KEY)).shown).toContain('is connected');
    const remove = await tb.fs.command('UBOB', '/compromise', 'disconnect telnyx:eu', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(remove).includes('`telnyx:eu` is disconnected'));
    expect(await tb.bot.engine.deps.connections?.find('telnyx:eu')).toBeNull();
    const left = await tb.t.db.query(`SELECT 1 FROM connection_credentials WHERE label = 'telnyx:eu'`);
    expect(left.rows).toHaveLength(0);
    const audit = await tb.t.db.query<{ actor: string; payload: unknown }>(
      `SELECT actor, payload FROM audit_log WHERE action = 'connection.removed'`,
    );
    expect(audit.rows).toEqual([{ actor: 'UBOB', payload: { label: 'telnyx:eu' } }]);
    const again = await tb.fs.command('UBOB', '/compromise', 'disconnect telnyx:eu', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(again).includes('no connection named `telnyx:eu`'));
  });
});
