import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

let tb: TestBot;
afterEach(() => tb.stop());

const FORWARDING = 'Disable suspicious forwarding';
// As the e2e tests wait (WAIT_MS): the full suite on PostgreSQL shares two cores with it.
const WAIT = { timeoutMs: 60_000 };

/** Remediates the fake playbook's incident through the cards: forwarding approved twice, the rest marked done. */
async function remediate() {
  const { channel } = await startAndDiscover(tb);
  await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', FORWARDING));
  await tb.fs.waitFor(() => channelText(tb, channel.id).includes('<@UBOB>'));
  await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', FORWARDING));
  await tb.fs.waitFor(() => tb.account.writes.length === 2, WAIT);
  for (const title of ['Review something clean', 'Change the password']) {
    await tb.fs.waitFor(
      () => tb.fs.findButtons(channel.id, (b) => b.actionId === 'step.done').length > 0,
      WAIT,
    );
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.done', title));
  }
  return channel;
}

const pinned = (channel: string) =>
  JSON.stringify(tb.fs.messages(channel).find((m) => m.ts === tb.fs.pins(channel)[0]?.ts)?.blocks);

describe('the watch through the front door', () => {
  it('when the incident is remediated and the attacker plants a forwarding again, then an alert card calls the approvers and its Approve undoes it; watch stop ends it', {
    timeout: 180_000,
  }, async () => {
    tb = await startTestBot({ env: { RECLAIM_WATCH_INTERVAL_MINUTES: '0.02', RECLAIM_WATCH_HOURS: '1' } });
    const channel = await remediate();
    await tb.fs.waitFor(() => pinned(channel.id).includes('Watching the account'), WAIT);

    tb.account.forwarding.set('+15550101', '+88213999');
    const alertTitle = `Watch alert: ${FORWARDING}`;
    // The alert's card, then the message that calls the approvers to it.
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('🚨 <@UBOB>'), WAIT);
    const text = channelText(tb, channel.id);
    expect(text).toContain(alertTitle);
    expect(text).toMatch(
      /🚨 <@UBOB>.*<@UCAROL>.*<@UDAVE>: the watch found 1 new suspicious change since the clean-up/,
    );
    expect(tb.account.writes).toHaveLength(2);

    const approveAlert = button(tb, channel.id, 'step.approve', alertTitle);
    const alertCard = () =>
      JSON.stringify(tb.fs.messages(channel.id).find((m) => m.ts === approveAlert.messageTs)?.blocks);
    expect(alertCard()).toContain('+15550101 → +88213999');
    // One card for the alert, not two (a second post would leave the first one's buttons dead).
    expect(tb.fs.messages(channel.id).filter((m) => /^\d+\. Watch alert/.test(m.text))).toHaveLength(1);
    await tb.fs.click('UBOB', approveAlert);
    await tb.fs.waitFor(() => alertCard().includes('<@UBOB>'), WAIT);
    await tb.fs.click('UCAROL', button(tb, channel.id, 'step.approve', alertTitle));
    await tb.fs.waitFor(() => tb.account.forwarding.get('+15550101') === null, WAIT);
    expect(tb.account.writes.filter((w) => w === '+15550101')).toEqual(['+15550101']);
    await tb.fs.waitFor(() => /1 alert so far/.test(pinned(channel.id)), WAIT);

    const refused = await tb.fs.command('UALICE', '/compromise', 'watch stop', { channelId: channel.id });
    await tb.fs.waitFor(() => repliesText(refused).length > 0);
    expect(repliesText(refused)).not.toContain('The watch is stopped');
    const stopped = await tb.fs.command('UBOB', '/compromise', 'watch stop', { channelId: channel.id });
    await tb.fs.waitFor(() => repliesText(stopped).includes('The watch is stopped'));
    await tb.fs.waitFor(() => pinned(channel.id).includes('Watch stopped'), WAIT);
  });

  it('when an approver asks for a posture check, then the risky findings are listed and its button opens an incident', {
    timeout: 120_000,
  }, async () => {
    tb = await startTestBot();
    const answer = await tb.fs.command('UBOB', '/compromise', 'check sandbox', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(answer).includes('Posture check'), WAIT);
    expect(repliesText(answer)).toContain('+15550100 → +88216555');
    expect(tb.account.writes).toEqual([]);
    const denied = await tb.fs.command('UALICE', '/compromise', 'check sandbox', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(denied).includes('Only approvers'), WAIT);
  });
});
