import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './start-fake-slack.js';
import { webClientFor } from './web-client-for.js';

const SECRET = 'tiny-secret';

/** The smallest bot: verifies each request the way Bolt does, keeps the form, answers 200 or 401. */
async function startTinyBot(received: URLSearchParams[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        verifySlackRequest({
          signingSecret: SECRET,
          body,
          headers: {
            'x-slack-signature': String(req.headers['x-slack-signature']),
            'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
          },
        });
      } catch {
        res.writeHead(401).end();
        return;
      }
      received.push(new URLSearchParams(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fake Slack: signed deliveries and response_url', () => {
  let fs: FakeSlack;
  let tiny: { server: Server; url: string };
  let received: URLSearchParams[];

  beforeEach(async () => {
    received = [];
    tiny = await startTinyBot(received);
    fs = await startFakeSlack({ bot: { eventsUrl: tiny.url, signingSecret: SECRET } });
  });
  afterEach(async () => {
    await fs.close();
    await new Promise((resolve) => tiny.server.close(resolve));
  });

  it('when a command is sent, then its signature verifies and it carries every field Slack sends', async () => {
    const res = await fs.command('UALICE', '/compromise', 'start telnyx acme');
    expect(res.status).toBe(200);
    expect(Object.fromEntries(received[0] ?? [])).toMatchObject({
      team_id: 'T1',
      channel_id: 'CGENERAL',
      channel_name: 'general',
      user_id: 'UALICE',
      user_name: 'alice',
      command: '/compromise',
      text: 'start telnyx acme',
      response_url: res.responseUrl,
      trigger_id: res.triggerId,
    });
  });

  it('when a response_url is used a sixth time, then it answers 404 used_url and keeps five', async () => {
    const { responseUrl, responses } = await fs.command('UALICE', '/compromise', 'status');
    for (let i = 0; i < 5; i += 1) expect((await post(responseUrl, { text: `r${i}` })).status).toBe(200);
    const sixth = await post(responseUrl, { text: 'r5' });
    expect([sixth.status, await sixth.json()]).toEqual([404, { ok: false, error: 'used_url' }]);
    expect(responses.map((r) => r.body.text)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('when a response is in_channel, then it is a channel message; otherwise an ephemeral to the user', async () => {
    const { responseUrl } = await fs.command('UALICE', '/compromise', 'status');
    await post(responseUrl, { response_type: 'in_channel', text: 'for everyone' });
    await post(responseUrl, { text: 'for alice' });
    expect(fs.messages('CGENERAL').map((m) => m.text)).toEqual(['for everyone']);
    expect(fs.ephemerals('CGENERAL', 'UALICE').map((e) => e.text)).toEqual(['for alice']);
  });

  it('when a click’s response_url deletes the original, then the card is gone', async () => {
    const client = webClientFor(fs);
    const channel = (await client.conversations.create({ name: 'inc' })).channel!.id!;
    const button = {
      type: 'button' as const,
      action_id: 'go',
      text: { type: 'plain_text' as const, text: 'Go' },
    };
    await client.chat.postMessage({
      channel,
      text: 'card',
      blocks: [{ type: 'actions', elements: [button] }],
    });
    const [found] = fs.findButtons(channel);
    const click = await fs.click('UBOB', found!);
    expect(JSON.parse(received[0]?.get('payload') ?? '{}')).toMatchObject({
      type: 'block_actions',
      user: { id: 'UBOB' },
    });
    await post(click.responseUrl, { delete_original: true });
    expect(fs.messages(channel)).toEqual([]);
  });

  it('when no bot is connected, then driving it is a usage error that says what to do', async () => {
    const lonely = await startFakeSlack();
    await expect(lonely.command('UALICE', '/compromise', 'x')).rejects.toThrow(/connectBot/);
    await lonely.close();
  });
});
