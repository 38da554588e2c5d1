import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './start-fake-slack.js';
import { slackErrorOf, webClientFor } from './web-client-for.js';

const card = (label: string) => [
  { type: 'section', block_id: 'body', text: { type: 'mrkdwn', text: `*${label}*` } },
  {
    type: 'actions',
    block_id: 'buttons',
    elements: [
      { type: 'button', action_id: 'approve', text: { type: 'plain_text', text: 'Approve' }, value: 's1' },
    ],
  },
];

describe('fake Slack: chat.*, pins.add and auth', () => {
  let fs: FakeSlack;
  let client: WebClient;
  let channel: string;

  beforeEach(async () => {
    fs = await startFakeSlack({ users: ['UREQ'] });
    client = webClientFor(fs);
    channel = (await client.conversations.create({ name: 'inc' })).channel!.id!;
    await client.conversations.invite({ channel, users: 'UREQ' });
  });
  afterEach(() => fs.close());

  it('when a message with blocks is posted, then it is stored with parsed blocks and its ts comes back', async () => {
    const res = await client.chat.postMessage({ channel, text: 'Step 1', blocks: card('Step 1') });
    const [stored] = fs.messages(channel);
    expect(stored).toMatchObject({ ts: res.ts, text: 'Step 1', user: 'UBOT' });
    expect(stored?.blocks).toEqual(card('Step 1'));
    expect(res.message).toMatchObject({ ts: res.ts, bot_id: 'BBOT', blocks: card('Step 1') });
  });

  it('when a reply names a thread, then it is stored in that thread; an unknown thread is thread_not_found', async () => {
    const parent = await client.chat.postMessage({ channel, text: 'plan' });
    await client.chat.postMessage({ channel, text: 'detail', thread_ts: parent.ts! });
    expect(fs.messages(channel).map((m) => m.threadTs)).toEqual([undefined, parent.ts]);
    const orphan = client.chat.postMessage({ channel, text: 'x', thread_ts: '1.000001' });
    expect((await slackErrorOf(orphan)).error).toBe('thread_not_found');
  });

  it('when a message is updated, then the latest version shows and every version is kept', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'v1', blocks: card('v1') });
    await client.chat.update({ channel, ts: ts!, text: 'v2', blocks: card('v2') });
    await client.chat.update({ channel, ts: ts!, text: 'v3 plain' });
    const [message] = fs.messages(channel);
    expect(message).toMatchObject({ text: 'v3 plain', blocks: [] });
    expect(message?.versions.map((v) => v.text)).toEqual(['v1', 'v2', 'v3 plain']);
  });

  it.each([
    ['an unknown ts', { ts: '1.000001', text: 'x' }, 'message_not_found'],
    ['text over 4000 characters', { text: 'x'.repeat(4001) }, 'msg_too_long'],
  ])('when chat.update gets %s, then it answers %s', async (_what, args, error) => {
    const { ts } = await client.chat.postMessage({ channel, text: 'v1' });
    expect((await slackErrorOf(client.chat.update({ channel, ts: ts!, ...args }))).error).toBe(error);
  });

  it('when another token updates a message, then it gets cant_update_message', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'v1' });
    const other = webClientFor(fs, 'xoxb-other-install');
    expect((await slackErrorOf(other.chat.update({ channel, ts: ts!, text: 'v2' }))).error).toBe(
      'cant_update_message',
    );
  });

  it.each([
    ['a channel the bot is not in', 'CGENERAL', 'not_in_channel'],
    ['an unknown channel', 'CNOPE', 'channel_not_found'],
  ])('when posting to %s, then it answers %s', async (_what, target, error) => {
    expect((await slackErrorOf(client.chat.postMessage({ channel: target, text: 'hi' }))).error).toBe(error);
  });

  it('when blocks break Block Kit limits, then the post is invalid_blocks with the problems listed', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const data = await slackErrorOf(client.chat.postMessage({ channel, text: 'x', blocks }));
    expect(data).toMatchObject({ error: 'invalid_blocks', errors: ['blocks must have at most 50 items'] });
  });

  it('when a message is pinned twice, then the second is already_pinned; no timestamp is no_item_specified', async () => {
    const { ts } = await client.chat.postMessage({ channel, text: 'progress' });
    await client.pins.add({ channel, timestamp: ts! });
    expect(fs.pins(channel).map((p) => p.text)).toEqual(['progress']);
    expect((await slackErrorOf(client.pins.add({ channel, timestamp: ts! }))).error).toBe('already_pinned');
    expect((await slackErrorOf(client.apiCall('pins.add', { channel }))).error).toBe('no_item_specified');
  });

  it('when an ephemeral goes to a member, then only that user has it; a non-member is user_not_in_channel', async () => {
    await client.chat.postEphemeral({ channel, user: 'UREQ', text: 'only you' });
    expect(fs.ephemerals(channel, 'UREQ')).toMatchObject([{ text: 'only you', via: 'api' }]);
    expect(fs.ephemerals(channel, 'UALICE')).toEqual([]);
    const outsider = client.chat.postEphemeral({ channel, user: 'UALICE', text: 'x' });
    expect((await slackErrorOf(outsider)).error).toBe('user_not_in_channel');
  });

  it('when calls are made, then each is recorded with parsed arguments and without the token', async () => {
    await client.chat.postMessage({ channel, text: 'x', blocks: card('x') });
    const [call] = fs.callsTo('chat.postMessage');
    expect(call).toMatchObject({ status: 200, ok: true, args: { channel, blocks: card('x') } });
    expect(JSON.stringify(fs.calls)).not.toContain('xoxb-test-token');
  });

  it.each([
    ['no token', undefined, 'not_authed'],
    ['a user token', 'xoxp-1', 'invalid_auth'],
  ])('when a call carries %s, then it answers %s', async (_what, token, error) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const res = await fetch(`${fs.apiUrl}auth.test`, { method: 'POST', headers });
    expect(await res.json()).toEqual({ ok: false, error });
  });

  it('when a token is revoked, then calls with it answer token_revoked', async () => {
    fs.revokeToken('xoxb-test-token');
    expect((await slackErrorOf(client.auth.test())).error).toBe('token_revoked');
  });

  it('when a method is unknown, then it answers unknown_method; auth.test names the bot', async () => {
    expect((await slackErrorOf(client.apiCall('chat.teleport'))).error).toBe('unknown_method');
    expect(await client.auth.test()).toMatchObject({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' });
  });
});
