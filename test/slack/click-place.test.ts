import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

const FORWARDING = 'Disable suspicious forwarding';
const WRONG_PLACE = 'not on this step';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

const count = async (sql: string) => (await tb.t.db.query<{ n: number }>(sql)).rows[0]?.n;
const refusedClicks = () => count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'click.refused'`);

describe('Slack front door: a click counts only from its step card', () => {
  it("when a click carries a step's id from another incident's channel, then it is refused, audited, and nothing changes", async () => {
    const { channel } = await startAndDiscover(tb);
    const other = await startAndDiscover(tb, 'UALICE', 'start telnyx beta');
    const approve = button(tb, channel.id, 'step.approve', FORWARDING);
    const elsewhere = button(tb, other.channel.id, 'step.approve', FORWARDING);
    const forged = { ...elsewhere, value: approve.value };
    const res = await tb.fs.click('UBOB', forged);
    await tb.fs.waitFor(() => repliesText(res).includes(WRONG_PLACE));
    expect(await count('SELECT count(*)::int AS n FROM approvals')).toBe(0);
    expect(await refusedClicks()).toBe(1);
    expect(channelText(tb, channel.id)).not.toContain('<@UBOB>');
  });

  it("when a click carries a step's id on another card of the same channel, then it is refused", async () => {
    const { channel } = await startAndDiscover(tb);
    const approve = button(tb, channel.id, 'step.approve', FORWARDING);
    const clean = button(tb, channel.id, 'step.done', 'Review something clean');
    const res = await tb.fs.click('UBOB', { ...clean, actionId: 'step.approve', value: approve.value });
    await tb.fs.waitFor(() => repliesText(res).includes(WRONG_PLACE));
    expect(await count('SELECT count(*)::int AS n FROM approvals')).toBe(0);
    expect(await refusedClicks()).toBe(1);
    const fine = await tb.fs.click('UBOB', approve);
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('<@UBOB>'));
    expect(repliesText(fine)).not.toContain(WRONG_PLACE);
  });

  it('when a Skip modal comes back naming another step, then the submission is refused, audited, and nothing is skipped', async () => {
    // UBOB, an approver who may skip, opened the incident, so he is in its channel to be told.
    const { channel } = await startAndDiscover(tb, 'UBOB');
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.skip', 'Change the password'));
    const opened = await tb.fs.waitFor(() => tb.fs.views[0]);
    const forwardingId = JSON.parse(button(tb, channel.id, 'step.approve', FORWARDING).value ?? '{}').s;
    const metadata = JSON.parse(String(opened.view.private_metadata));
    expect(metadata.n).toEqual(expect.any(String));
    opened.view = { ...opened.view, private_metadata: JSON.stringify({ ...metadata, s: forwardingId }) };
    await tb.fs.submitView('UBOB', opened.id, {
      reason: { reason: { type: 'plain_text_input', value: 'not needed' } },
    });
    await tb.fs.waitFor(() =>
      tb.fs.ephemerals(channel.id, 'UBOB').some((e) => JSON.stringify(e).includes('no longer valid')),
    );
    const { rows } = await tb.t.db.query<{ state: string }>('SELECT state FROM steps WHERE id = $1', [
      forwardingId,
    ]);
    expect(rows[0]?.state).toBe('awaiting_approval');
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'modal.refused'`)).toBe(1);
    expect(channelText(tb, channel.id)).not.toContain('not needed');
  });
});
