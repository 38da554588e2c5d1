import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot();
});
afterEach(() => tb.stop());

const FORWARDING = 'Disable suspicious forwarding';

describe('Slack front door: start', () => {
  it('when /compromise start runs, then a private channel is opened, people invited, the progress card pinned and one card per step posted', async () => {
    const { answer, channel } = await startAndDiscover(tb);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect(channel.name).toBe(`compromise-${today}-acme`);
    expect(channel.isPrivate).toBe(true);
    const now = tb.fs.channelByName(channel.name)!;
    expect(now.members).toEqual(expect.arrayContaining(['UALICE', 'UERIN', 'UBOT']));
    expect(now.topic).toContain('telnyx acme');
    const pins = tb.fs.pins(channel.id);
    expect(pins).toHaveLength(1);
    expect(JSON.stringify(pins[0]?.blocks)).toContain('Compromise response: telnyx acme');
    const cards = tb.fs.messages(channel.id).filter((m) => m.ts !== pins[0]?.ts && !m.threadTs);
    expect(cards).toHaveLength(3);
    expect(answer.status).toBe(200);
    await tb.fs.waitFor(() => repliesText(answer).includes(`<#${channel.id}>`));
  });

  it('when a channel of that name exists, then the next one gets a -2 suffix', async () => {
    const first = await startAndDiscover(tb);
    await tb.fs.command('UERIN', '/compromise', 'start telnyx acme', { channelId: 'CGENERAL' });
    const second = await tb.fs.waitFor(
      () => tb.fs.channels.find((c) => c.name === `${first.channel.name}-2`),
      { timeoutMs: 15_000 },
    );
    expect(tb.fs.callsTo('conversations.create').filter((c) => c.error === 'name_taken')).toHaveLength(1);
    expect(second.id).not.toBe(first.channel.id);
  });

  it('when the command is bad, then the user gets a usage message saying what was wrong', async () => {
    const res = await tb.fs.command('UALICE', '/compromise', 'start nexmo', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(res).includes('nexmo'));
    expect(tb.fs.channels.filter((c) => c.name.startsWith('compromise-'))).toHaveLength(0);
  });

  it('when status is asked outside an incident channel, then it is refused ephemerally', async () => {
    const res = await tb.fs.command('UALICE', '/compromise', 'status', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(res).includes('not an incident channel'));
  });
});

describe('Slack front door: approvals decided on the server', () => {
  it('when two distinct approvers approve the high-risk plan, then it executes only after the second', async () => {
    const { channel } = await startAndDiscover(tb);
    const approve = button(tb, channel.id, 'step.approve', FORWARDING);
    expect(approve.confirm).toBeDefined();
    const first = await tb.fs.click('UBOB', approve);
    expect(first.status).toBe(200);
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('<@UBOB>'));
    expect(tb.account.writes).toEqual([]);
    const second = await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', FORWARDING));
    expect(second.status).toBe(200);
    await tb.fs.waitFor(() => tb.account.writes.length === 2, { timeoutMs: 10_000 });
    await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.reveal').length === 1,
      { timeoutMs: 10_000 },
    );
  });

  it('when a plan is executing, then its card shows each action as it finishes, before the step is done', async () => {
    const release = new Map<string, () => void>();
    for (const target of ['+15550100', '+15550102'])
      tb.account.holdUntil.set(target, new Promise<void>((r) => release.set(target, r)));
    const { channel } = await startAndDiscover(tb);
    const card = button(tb, channel.id, 'step.approve', FORWARDING).messageTs;
    const cardJson = () => JSON.stringify(tb.fs.messages(channel.id).find((m) => m.ts === card)?.blocks);
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', FORWARDING));
    await tb.fs.waitFor(() => cardJson().includes('<@UBOB>'));
    await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', FORWARDING));
    await tb.fs.waitFor(() => cardJson().includes('Executing'), { timeoutMs: 10_000 });
    expect(cardJson()).toContain('0 of 2 done');
    // +15550100 is written while +15550102 is still held: the card shows the one done, step executing.
    release.get('+15550100')!();
    await tb.fs.waitFor(() => cardJson().includes('✅ 1. Disable forwarding on +15550100'), {
      timeoutMs: 10_000,
      description: 'the card shows the first action done while the step executes',
    });
    expect(cardJson()).toContain('Executing');
    expect(cardJson()).not.toContain('✅ 2. Disable forwarding on +15550102');
    release.get('+15550102')!();
    await tb.fs.waitFor(() => cardJson().includes('✅ 2. Disable forwarding on +15550102'), {
      timeoutMs: 10_000,
    });
  });

  it.each([
    ['someone who is not an approver', 'UALICE', 'UERIN', 'only approvers'],
    ['the requester on a high-risk step', 'UBOB', 'UBOB', 'you opened this incident'],
  ])(
    'when %s clicks Approve, then it is refused privately and nothing changes',
    async (_label, requester, clicker, words) => {
      const { channel } = await startAndDiscover(tb, requester);
      const res = await tb.fs.click(clicker, button(tb, channel.id, 'step.approve', FORWARDING));
      await tb.fs.waitFor(() => repliesText(res).toLowerCase().includes(words));
      const { rows } = await tb.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
      expect(rows[0]?.n).toBe(0);
    },
  );

  it('when a click carries a stale plan digest, then it is refused as stale', async () => {
    const { channel } = await startAndDiscover(tb);
    const b = button(tb, channel.id, 'step.approve', FORWARDING);
    const stale = { ...b, value: JSON.stringify({ ...JSON.parse(b.value ?? '{}'), d: 'a'.repeat(64) }) };
    const res = await tb.fs.click('UBOB', stale);
    await tb.fs.waitFor(() => repliesText(res).includes('plan changed'));
  });

  it('when the same approver clicks twice, then the second click is refused and the card lost its buttons for him', async () => {
    const { channel } = await startAndDiscover(tb);
    const b = button(tb, channel.id, 'step.approve', FORWARDING);
    await tb.fs.click('UBOB', b);
    const again = await tb.fs.click('UBOB', b);
    await tb.fs.waitFor(() => repliesText(again).toLowerCase().includes('already'));
    const { rows } = await tb.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals');
    expect(rows[0]?.n).toBe(1);
  });
});

describe('Slack front door: skip, close and signatures', () => {
  it('when Skip is clicked, then a modal asks for a reason and the step is skipped with it', async () => {
    const { channel } = await startAndDiscover(tb);
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.skip', 'Change the password'));
    const view = await tb.fs.waitFor(() => tb.fs.views[0]);
    const empty = await tb.fs.submitView('UBOB', view.id, {
      reason: { reason: { type: 'plain_text_input', value: ' ' } },
    });
    expect(JSON.stringify(empty.body)).toContain('errors');
    await tb.fs.submitView('UBOB', view.id, {
      reason: { reason: { type: 'plain_text_input', value: 'done by IT already' } },
    });
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('done by IT already'));
  });

  it('when close runs with open steps, then it needs --force with a reason, and then posts the report', async () => {
    const { channel } = await startAndDiscover(tb);
    const refused = await tb.fs.command('UBOB', '/compromise', 'close', { channelId: channel.id });
    await tb.fs.waitFor(() => repliesText(refused).includes('--force'));
    const forced = await tb.fs.command('UBOB', '/compromise', 'close --force "handled by phone"', {
      channelId: channel.id,
    });
    expect(forced.status).toBe(200);
    const file = await tb.fs.waitFor(() => tb.fs.files.find((f) => f.completed && f.channel === channel.id), {
      timeoutMs: 10_000,
    });
    const report = file.bytes?.toString('utf8') ?? '';
    expect(report).toContain('handled by phone');
    expect(report).toMatch(/Audit chain: verified/);
    await tb.fs.waitFor(() =>
      JSON.stringify(tb.fs.pins(channel.id)[0]?.blocks).toLowerCase().includes('closed'),
    );
    const late = await tb.fs
      .click('UCAROL', button(tb, channel.id, 'step.approve', FORWARDING))
      .catch(() => null);
    if (late) await tb.fs.waitFor(() => repliesText(late).toLowerCase().includes('closed'));
  });

  it.each([
    ['a forged signature', { signature: 'forged' as const }],
    ['a timestamp six minutes old', { ageSec: 360 }],
  ])('when a request comes with %s, then Bolt answers 401 and nothing happens', async (_label, sign) => {
    const res = await tb.fs.command('UALICE', '/compromise', 'start telnyx acme', {
      channelId: 'CGENERAL',
      sign,
    });
    expect(res.status).toBe(401);
    expect(tb.fs.callsTo('conversations.create')).toHaveLength(0);
  });
});
