import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './start-fake-slack.js';
import { slackErrorOf, webClientFor } from './web-client-for.js';

describe('fake Slack: conversations.*', () => {
  let fs: FakeSlack;
  let client: WebClient;

  beforeEach(async () => {
    fs = await startFakeSlack({ users: ['UREQ', 'URESP'] });
    client = webClientFor(fs);
  });
  afterEach(() => fs.close());

  it('when a channel is created, then it is private as asked with the bot as its only member', async () => {
    const res = await client.conversations.create({ name: 'compromise-20260101-acme', is_private: true });
    expect(res.channel).toMatchObject({
      name: 'compromise-20260101-acme',
      is_private: true,
      is_member: true,
    });
    expect(fs.channelByName('compromise-20260101-acme')).toMatchObject({
      isPrivate: true,
      members: ['UBOT'],
    });
  });

  it('when a name is already taken, then the second create gets name_taken and no channel', async () => {
    await client.conversations.create({ name: 'compromise-x' });
    expect((await slackErrorOf(client.conversations.create({ name: 'compromise-x' }))).error).toBe(
      'name_taken',
    );
    expect(fs.channels.filter((c) => c.name === 'compromise-x')).toHaveLength(1);
  });

  it.each([
    ['Compromise-X', 'invalid_name_specials'],
    ['compromise x', 'invalid_name_specials'],
    ['a'.repeat(81), 'invalid_name_maxlength'],
    ['--', 'invalid_name_punctuation'],
  ])('when the name is %j, then create answers %s', async (name, error) => {
    expect((await slackErrorOf(client.conversations.create({ name }))).error).toBe(error);
  });

  it('when one of several invitees is unknown, then the error names it and nobody is invited', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-1' });
    const data = await slackErrorOf(
      client.conversations.invite({ channel: channel!.id!, users: 'UREQ,UNOPE,UBOT' }),
    );
    expect(data.error).toBe('user_not_found');
    expect(data.errors).toEqual([
      { user: 'UNOPE', ok: false, error: 'user_not_found' },
      { user: 'UBOT', ok: false, error: 'cant_invite_self' },
    ]);
    expect(fs.channelByName('inc-1')?.members).toEqual(['UBOT']);
  });

  it('when force=true, then the valid invitees join although the call still fails for the bad one', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-2' });
    const data = await slackErrorOf(
      client.conversations.invite({ channel: channel!.id!, users: 'UNOPE,UREQ', force: true }),
    );
    expect(data.error).toBe('user_not_found');
    expect(fs.channelByName('inc-2')?.members).toEqual(['UBOT', 'UREQ']);
  });

  it('when a member, the bot or an uninvitable user is invited, then Slack’s error for each comes back', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-3' });
    const id = channel!.id!;
    await client.conversations.invite({ channel: id, users: 'UREQ' });
    fs.markUninvitable('URESP');
    expect((await slackErrorOf(client.conversations.invite({ channel: id, users: 'UREQ' }))).error).toBe(
      'already_in_channel',
    );
    expect((await slackErrorOf(client.conversations.invite({ channel: id, users: 'UBOT' }))).error).toBe(
      'cant_invite_self',
    );
    expect((await slackErrorOf(client.conversations.invite({ channel: id, users: 'URESP' }))).error).toBe(
      'cant_invite',
    );
  });

  it('when the bot is not in a channel, then invite answers not_in_channel', async () => {
    expect(
      (await slackErrorOf(client.conversations.invite({ channel: 'CGENERAL', users: 'UREQ' }))).error,
    ).toBe('not_in_channel');
  });

  it('when a topic is set, then it is kept; past 250 characters it is too_long', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-4' });
    await client.conversations.setTopic({ channel: channel!.id!, topic: 'Telnyx takeover' });
    expect(fs.channelByName('inc-4')?.topic).toBe('Telnyx takeover');
    const tooLong = client.conversations.setTopic({ channel: channel!.id!, topic: 'x'.repeat(251) });
    expect((await slackErrorOf(tooLong)).error).toBe('too_long');
  });

  it('when a channel is archived, then info says so and later posts get is_archived', async () => {
    const { channel } = await client.conversations.create({ name: 'inc-5' });
    await client.conversations.archive({ channel: channel!.id! });
    expect((await client.conversations.info({ channel: channel!.id! })).channel?.is_archived).toBe(true);
    expect((await slackErrorOf(client.chat.postMessage({ channel: channel!.id!, text: 'hi' }))).error).toBe(
      'is_archived',
    );
  });

  it('when usergroup members are asked, then a known group lists them and an unknown one is no_such_subteam', async () => {
    fs.setUsergroup('SAPPROVERS', ['UALICE', 'UBOB']);
    expect((await client.usergroups.users.list({ usergroup: 'SAPPROVERS' })).users).toEqual([
      'UALICE',
      'UBOB',
    ]);
    expect((await slackErrorOf(client.usergroups.users.list({ usergroup: 'SNOPE' }))).error).toBe(
      'no_such_subteam',
    );
  });
});
