import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { button, channelText, repliesText, startAndDiscover } from './support.js';

const FORWARDING = 'Disable suspicious forwarding';

let tb: TestBot;
beforeEach(async () => {
  tb = await startTestBot({
    env: { RECLAIM_APPROVERS: '', RECLAIM_APPROVER_GROUP: 'SAPPROVERS' },
    fakeSlack: { usergroups: { SAPPROVERS: ['UBOB', 'UCAROL'] } },
  });
});
afterEach(() => tb.stop());

describe('Slack front door: approvers from the approver group', () => {
  it('when only an approver group is configured, then its members may approve, others are refused, and no card says nobody can', async () => {
    const { channel } = await startAndDiscover(tb);
    expect(channelText(tb, channel.id)).not.toContain('No approvers are configured');
    const outsider = await tb.fs.click('UERIN', button(tb, channel.id, 'step.approve', FORWARDING));
    await tb.fs.waitFor(() => repliesText(outsider).includes('Only approvers'));
    await tb.fs.click('UBOB', button(tb, channel.id, 'step.approve', FORWARDING));
    await tb.fs.waitFor(() => channelText(tb, channel.id).includes('<@UBOB>'));
    const { rows } = await tb.t.db.query<{ user_id: string }>('SELECT user_id FROM approvals');
    expect(rows.map((r) => r.user_id)).toEqual(['UBOB']);
    expect(tb.fs.callsTo('usergroups.users.list').length).toBeGreaterThan(0);
  });
});
