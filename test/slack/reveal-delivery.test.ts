import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

const SECRET = 'S3cr3t-Value-xyz'; // what the fake playbook generates for +15550100
const FORWARDING = 'Disable suspicious forwarding';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

describe('Slack front door: Reveal wipes only what was delivered', () => {
  it('when Slack does not accept the reveal message, then the credential stays sealed, the failure is audited without it, and a second Reveal delivers it', async () => {
    const { channel } = await startAndDiscover(tb);
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', FORWARDING));
    await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', FORWARDING));
    const reveal = await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.reveal')[0],
      { timeoutMs: 10_000 },
    );
    tb.fs.expireNextResponses(1);
    const failed = await tb.fs.click('UBOB', reveal);
    await tb.fs.waitFor(() => repliesText(failed).includes('could not be delivered'));
    expect(repliesText(failed)).not.toContain(SECRET);
    const sealed = await tb.t.db.query<{ ciphertext: string | null; revealed_at: Date | null }>(
      'SELECT ciphertext, revealed_at FROM sealed_secrets',
    );
    expect(sealed.rows).toEqual([{ ciphertext: expect.any(String), revealed_at: null }]);
    const audit = await tb.t.db.query<{ action: string; payload: unknown }>(
      `SELECT action, payload FROM audit_log WHERE action LIKE 'secret.%' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['secret.reveal_failed']);

    const again = await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.reveal')[0],
    );
    const second = await tb.fs.click('UBOB', again);
    await tb.fs.waitFor(() => repliesText(second).includes(SECRET));
    await tb.fs.waitFor(async () => {
      const { rows } = await tb.t.db.query<{ ciphertext: string | null }>(
        'SELECT ciphertext FROM sealed_secrets',
      );
      return rows[0]?.ciphertext === null;
    });
    await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.reveal').length === 0,
    );
    expect(channelText(tb, channel.id)).not.toContain(SECRET);
    expect(tb.logs()).not.toContain(SECRET);
    const all = await tb.t.db.query<{ payload: unknown }>('SELECT payload FROM audit_log');
    expect(JSON.stringify(all.rows)).not.toContain(SECRET);
  });
});
