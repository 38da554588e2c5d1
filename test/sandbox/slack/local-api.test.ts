import { request } from 'node:http';
import { LogLevel, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalSlack, startLocalSlack } from '../../../src/sandbox/slack/start-local-slack.js';
import { silentLogger } from '../../../src/util/logger.js';
import { openSession } from './support/browser-session.js';

const TOKEN = 'xoxb-local-test-token';
let local: LocalSlack;
afterEach(() => local.close());

async function start(tierScale = 1) {
  local = await startLocalSlack({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger(),
    botToken: TOKEN,
    tierScale,
  });
  return client(TOKEN);
}

const client = (token: string) =>
  new WebClient(token, {
    slackApiUrl: local.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
  });

async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    if (err instanceof WebAPIPlatformError) return err.data.error;
    if (err instanceof WebAPIRateLimitedError) return `ratelimited after ${err.retryAfter}`;
    throw err;
  }
  return 'ok';
}

/** A raw request, so the Host and Origin headers can be anything a browser might send. */
function raw(path: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<number> {
  const { port } = new URL(local.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? `channel=CGENERAL&text=hi&${body}` : undefined);
  });
}

describe('Reclaim Local Web API: Slack’s answers', () => {
  it.each([
    [
      'a channel name already taken',
      async (c: WebClient) => {
        await c.conversations.create({ name: 'ops' });
        return c.conversations.create({ name: 'ops' });
      },
      'name_taken',
    ],
    [
      'a post to a channel the bot is not in',
      (c: WebClient) => c.chat.postMessage({ channel: 'CGENERAL', text: 'hi' }),
      'not_in_channel',
    ],
    [
      'a message pinned twice',
      async (c: WebClient) => {
        const { channel } = await c.conversations.create({ name: 'ops' });
        const { ts } = await c.chat.postMessage({ channel: channel!.id!, text: 'card' });
        await c.pins.add({ channel: channel!.id!, timestamp: ts! });
        return c.pins.add({ channel: channel!.id!, timestamp: ts! });
      },
      'already_pinned',
    ],
    [
      'a name Slack does not allow',
      (c: WebClient) => c.conversations.create({ name: 'Ops Room' }),
      'invalid_name_specials',
    ],
    ['an unknown method', (c: WebClient) => c.apiCall('chat.explode', {}), 'unknown_method'],
  ])('when the bot sends %s, then it gets Slack’s error code', async (_name, call, code) => {
    const c = await start();
    expect(await errorOf(call(c))).toBe(code);
  });

  it('when a Tier 2 method is called a 21st time in a minute, then it is rate limited with a Retry-After', async () => {
    const c = await start();
    for (let i = 0; i < 20; i += 1) await c.conversations.create({ name: `c-${i}` });
    expect(await errorOf(c.conversations.create({ name: 'c-20' }))).toMatch(
      /^ratelimited after ([1-9]|[1-5]\d|60)$/,
    );
  });

  it.each([
    ['another bot token', 'xoxb-someone-else', 'invalid_auth'],
    ['a user token', 'xoxp-1', 'invalid_auth'],
  ])('when a call comes with %s, then it is refused', async (_name, token, code) => {
    await start();
    expect(await errorOf(client(token).auth.test())).toBe(code);
  });

  it('when the bot uploads a report, then it is shared in the channel and the console serves it to members only', async () => {
    const c = await start();
    const { channel } = await c.conversations.create({ name: 'ops' });
    await c.conversations.invite({ channel: channel!.id!, users: 'ULOCALAPP1' });
    await c.files.uploadV2({
      channel_id: channel!.id!,
      filename: 'report.md',
      title: 'Report',
      content: '# Report\n',
    });
    const [file] = [...local.workspace.files.values()];
    const member = await fetch(`${local.url}/console/files/${file!.id}?as=ULOCALAPP1`);
    expect(await member.text()).toBe('# Report\n');
    expect(member.headers.get('content-disposition')).toBe('attachment; filename="report.md"');
    expect((await fetch(`${local.url}/console/files/${file!.id}?as=ULOCALAPP2`)).status).toBe(404);
  });
});

describe('Reclaim Local console: live updates', () => {
  it('when the bot changes the workspace, then every open page gets an event to redraw', async () => {
    const c = await start();
    const events = await fetch(`${local.url}/console/events`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const read = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await read()).toContain('data: 0');
    await c.conversations.create({ name: 'ops' });
    expect(await read()).toMatch(/^data: [1-9]/m);
    await reader.cancel();
  });
});

describe('Reclaim Local console: only its own page may use it', () => {
  it.each([
    ['another site posts a form to it', { origin: 'http://evil.example' }, 'POST', 403],
    ['a cross-site fetch reaches it', { 'sec-fetch-site': 'cross-site' }, 'POST', 403],
    ['a rebound host name asks for the page', { host: 'evil.example' }, 'GET', 403],
    ['its own page posts', { origin: 'ORIGIN' }, 'POST', 200],
    ['the page is asked for by localhost', { host: 'localhost:PORT' }, 'GET', 200],
  ])('when %s, then it answers %s/%s', async (_name, headers, method, status) => {
    await start();
    const { host } = new URL(local.url);
    const session = await openSession(local.url);
    const fixed = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        v.replace('ORIGIN', local.url).replace('PORT', new URL(local.url).port),
      ]),
    );
    const path = method === 'POST' ? '/console/command' : '/';
    const all = {
      host,
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: session.cookie,
      ...fixed,
    };
    expect(await raw(path, all, method, `csrf=${encodeURIComponent(session.token)}`)).toBe(status);
  });
});
