// The console refuses what its own page did not send: foreign Host names and POSTs without the session's token.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedHosts } from '../../../src/sandbox/slack/console/allowed-hosts.js';
import { type LocalSlack, startLocalSlack } from '../../../src/sandbox/slack/start-local-slack.js';
import { silentLogger } from '../../../src/util/logger.js';
import { type BrowserSession, openSession, postForm } from './support/browser-session.js';

let local: LocalSlack;
let bot: Server;
/** What reached the bot's receiver: one entry per delivery. */
let delivered: string[];

afterEach(async () => {
  await local.close();
  await new Promise<void>((resolve) => bot.close(() => resolve()));
});

/** The console on `host`, with a stand-in bot that counts what it is sent and answers 200. */
async function start(host: string) {
  delivered = [];
  bot = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      delivered.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', () => resolve()));
  const botPort = (bot.address() as AddressInfo).port;
  local = await startLocalSlack({ host, port: 0, logger: silentLogger(), botToken: 'xoxb-local-guards' });
  local.connectBot({ eventsUrl: `http://127.0.0.1:${botPort}/slack/events`, signingSecret: 's' });
  return new URL(local.url).port;
}

/** A request to the console through 127.0.0.1 whatever Host header it names (fetch cannot set Host). */
function raw(
  port: string,
  input: { path: string; method: 'GET' | 'POST'; host: string; session?: BrowserSession; body?: string },
): Promise<number> {
  const headers: Record<string, string> = {
    host: input.host,
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
    ...(input.session ? { cookie: input.session.cookie } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: input.path, method: input.method, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(input.body);
  });
}

const command = (session: BrowserSession, text = '/compromise help') =>
  new URLSearchParams({ channel: 'CGENERAL', text, csrf: session.token }).toString();

describe('Reclaim Local console: the Host names it answers', () => {
  it('when bound to 0.0.0.0 (the sandbox in Docker), then a POST under another Host name is refused even with a valid session, and nothing reaches the bot', async () => {
    const port = await start('0.0.0.0');
    const session = await openSession(`http://127.0.0.1:${port}`);
    const body = command(session);
    expect(await raw(port, { path: '/', method: 'GET', host: `evil.example:${port}` })).toBe(403);
    expect(
      await raw(port, {
        path: '/console/command',
        method: 'POST',
        host: `evil.example:${port}`,
        session,
        body,
      }),
    ).toBe(403);
    expect(
      await raw(port, {
        path: '/console/command',
        method: 'POST',
        host: `127.0.0.1.evil.example:${port}`,
        session,
        body,
      }),
    ).toBe(403);
    expect(delivered).toEqual([]);

    expect(await raw(port, { path: '/', method: 'GET', host: `${hostname()}:${port}` })).toBe(200);
    expect(
      await raw(port, { path: '/console/command', method: 'POST', host: `localhost:${port}`, session, body }),
    ).toBe(200);
    expect(delivered).toHaveLength(1);
  });

  it('when bound to 0.0.0.0, then the names are loopback, this machine’s name and addresses, each with the port; on 127.0.0.1 only loopback', () => {
    const names = () => ['build-box', '192.0.2.7', 'fe80::1%eth0', '::1'];
    expect([...allowedHosts('0.0.0.0', 3000, names)].sort()).toEqual(
      [
        '127.0.0.1:3000',
        '192.0.2.7:3000',
        '[::1]:3000',
        '[fe80::1]:3000',
        'build-box:3000',
        'localhost:3000',
      ].sort(),
    );
    expect([...allowedHosts('127.0.0.1', 3000, names)].sort()).toEqual(
      ['127.0.0.1:3000', '[::1]:3000', 'localhost:3000'].sort(),
    );
  });
});

describe('Reclaim Local console: every POST carries its session’s CSRF token', () => {
  it.each([
    ['no session and no token', async () => ({})],
    ['the session but no token', async (s: BrowserSession) => ({ cookie: s.cookie })],
    [
      'the session and a wrong token',
      async (s: BrowserSession) => ({ cookie: s.cookie, token: 'A'.repeat(s.token.length) }),
    ],
    [
      'the session and another session’s token',
      async (s: BrowserSession) => ({ cookie: s.cookie, token: (await openSession(local.url)).token }),
    ],
    ['a token but no session cookie', async (s: BrowserSession) => ({ token: s.token })],
  ])(
    'when a POST comes with %s, then it is refused with 403, nothing is posted and nothing reaches the bot',
    async (_name, make) => {
      await start('127.0.0.1');
      const session = await openSession(local.url);
      const as = await make(session);
      const messages = local.workspace.messages.length;
      for (const [path, fields] of [
        ['/console/command', { channel: 'CGENERAL', text: '/compromise start sandbox demo' }],
        ['/console/command', { channel: 'CGENERAL', text: 'a plain message' }],
        ['/console/as', { as: 'ULOCALAPP2' }],
      ] as const) {
        const res = await postForm(local.url, path, fields, as);
        expect(res.status).toBe(403);
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(((await res.json()) as { notice: string }).notice).toMatch(/Reload it/);
      }
      expect(local.workspace.messages.length).toBe(messages);
      expect(delivered).toEqual([]);

      const ok = await postForm(
        local.url,
        '/console/command',
        { channel: 'CGENERAL', text: '/compromise help' },
        session,
      );
      expect(await ok.json()).toEqual({ ok: true });
      expect(delivered).toHaveLength(1);
    },
  );

  it('when the page is loaded, then the session cookie is HttpOnly and SameSite=Strict and every form carries the token', async () => {
    await start('127.0.0.1');
    const res = await fetch(`${local.url}/`);
    expect(res.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^reclaim_local_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/),
    ]);
    const html = await res.text();
    const token = /<meta name="reclaim-csrf" content="([^"]+)">/.exec(html)?.[1];
    const forms = html.match(/<form[^>]*>/g) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(2);
    expect(html.split(`<input type="hidden" name="csrf" value="${token}">`).length - 1).toBe(forms.length);
  });
});
