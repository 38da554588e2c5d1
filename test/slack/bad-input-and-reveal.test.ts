import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackSignatureHeaders } from '../support/fake-slack/index.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

const SECRET = 'S3cr3t-Value-xyz'; // what the fake playbook generates for +15550100

async function postRaw(body: string): Promise<number> {
  const headers = {
    ...slackSignatureHeaders(SIGNING_SECRET, body, Date.now()),
    'content-type': 'application/x-www-form-urlencoded',
  };
  const res = await fetch(`${tb.bot.url}/slack/events`, { method: 'POST', headers, body });
  return res.status;
}

describe('bad input never crashes the bot', () => {
  it('when a click names an unknown action, then it is acked and logged', async () => {
    const { channel } = await startAndDiscover(tb);
    const b = button(tb, channel.id, 'step.approve');
    const res = await tb.fs.click('UBOB', { ...b, actionId: 'step.explode' });
    expect(res.status).toBe(200);
    await tb.fs.waitFor(() => tb.logs().includes('ignored a click on an unknown action'));
  });

  it('when a button value is garbage, then the clicker is told and nothing changes', async () => {
    const { channel } = await startAndDiscover(tb);
    const b = button(tb, channel.id, 'step.approve');
    const res = await tb.fs.click('UBOB', { ...b, value: '{"s": 42' });
    await tb.fs.waitFor(() => repliesText(res).includes('could not be read'));
    const { rows } = await tb.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
    expect(rows[0]?.n).toBe(0);
  });

  it('when a button names a step that does not exist, then the clicker gets a sentence, not a crash', async () => {
    const { channel } = await startAndDiscover(tb);
    const b = button(tb, channel.id, 'step.approve');
    const value = JSON.stringify({ s: '00000000-0000-4000-8000-000000000000', d: 'x' });
    const res = await tb.fs.click('UBOB', { ...b, value });
    await tb.fs.waitFor(() => repliesText(res).includes('does not exist'));
  });

  it('when a signed payload is not JSON, then the bot answers and keeps serving', async () => {
    const status = await postRaw('payload=%7Bnot-json');
    expect(status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${tb.bot.url}/healthz`)).status).toBe(200);
    const again = await tb.fs.command('UALICE', '/compromise', 'help', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(again).includes('/compromise'));
  });
});

describe('Reveal', () => {
  it('when an approver clicks Reveal, then he alone sees the credential once; a second Reveal is refused and the channel never shows it', async () => {
    const { channel } = await startAndDiscover(tb);
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', 'Disable suspicious forwarding'));
    await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', 'Disable suspicious forwarding'));
    const reveal = await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.reveal')[0],
      { timeoutMs: 10_000 },
    );
    const outsider = await tb.fs.click('UERIN', reveal);
    await tb.fs.waitFor(() => repliesText(outsider).includes('Only approvers'));
    expect(repliesText(outsider)).not.toContain(SECRET);
    const first = await tb.fs.click('UBOB', reveal);
    await tb.fs.waitFor(() => repliesText(first).includes(SECRET));
    const second = await tb.fs.click('UCAROL', reveal);
    await tb.fs.waitFor(() => repliesText(second).toLowerCase().includes('already'));
    expect(repliesText(second)).not.toContain(SECRET);
    expect(channelText(tb, channel.id)).not.toContain(SECRET);
    expect(JSON.stringify(tb.fs.calls)).not.toContain(SECRET);
    expect(tb.logs()).not.toContain(SECRET);
    const { rows } = await tb.t.db.query<{ payload: unknown }>('SELECT payload FROM audit_log');
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });
});
