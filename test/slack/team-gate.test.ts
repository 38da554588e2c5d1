import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_TEAM_WARNING } from '../../src/app/warn-empty-team.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';
import { repliesText, startAndDiscover } from './support.js';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

const incidentChannels = (bot: TestBot) => bot.fs.channels.filter((c) => c.name.startsWith('compromise-'));

describe('Slack front door: with no team configured, it fails closed', () => {
  it('when nobody is configured, then start-up warns, a real start is refused saying what to set, and a rehearsal still opens', async () => {
    tb = await startTestBot({ env: { RECLAIM_APPROVERS: '', RECLAIM_RESPONDERS: '' } });
    expect(tb.logs()).toContain(EMPTY_TEAM_WARNING);
    const real = await tb.fs.command('UERIN', '/compromise', 'start telnyx acme', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(real).includes('RECLAIM_APPROVER_GROUP'));
    for (const variable of ['RECLAIM_APPROVERS', 'RECLAIM_RESPONDERS'])
      expect(repliesText(real)).toContain(variable);
    expect(incidentChannels(tb)).toHaveLength(0);
    expect(tb.fs.callsTo('conversations.create')).toHaveLength(0);
    const { rows } = await tb.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents');
    expect(rows[0]?.n).toBe(0);

    await startAndDiscover(tb, 'UERIN', 'start telnyx drill --rehearsal');
    await startAndDiscover(tb, 'UALICE', 'start telnyx other --rehearsal');
    const list = await tb.fs.command('UERIN', '/compromise', 'list', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(list).includes('drill'));
    expect(repliesText(list)).not.toContain('other');
  });

  it('when a team is configured, then start-up does not warn', async () => {
    tb = await startTestBot();
    expect(tb.logs()).not.toContain(EMPTY_TEAM_WARNING);
  });
});

describe('Slack front door: the team alone opens real incidents and lists them', () => {
  it('when someone outside the team starts a real incident or asks for the list, then both are refused; a responder sees the list', async () => {
    tb = await startTestBot({ fakeSlack: { users: ['UFRANK'] } });
    const { channel } = await startAndDiscover(tb, 'UALICE');
    const start = await tb.fs.command('UFRANK', '/compromise', 'start telnyx mine', {
      channelId: 'CGENERAL',
    });
    await tb.fs.waitFor(() => repliesText(start).includes('Only the configured responders and approvers'));
    const outsider = await tb.fs.command('UFRANK', '/compromise', 'list', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(outsider).includes('Only the configured responders and approvers'));
    expect(repliesText(outsider)).not.toContain(channel.id);
    const responder = await tb.fs.command('UERIN', '/compromise', 'list', { channelId: 'CGENERAL' });
    await tb.fs.waitFor(() => repliesText(responder).includes(`<#${channel.id}>`));
    expect(incidentChannels(tb)).toHaveLength(1);
  });
});
