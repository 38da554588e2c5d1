import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignatureHeaders } from '../../src/sandbox/slack/interactions/sign-request.js';
import { botEnv, REQUESTER, SIGNING_SECRET } from './support/bot-env.js';
import { freePort, spawnBot, waitForHealthy } from './support/bot-process.js';
import { builtEntry } from './support/build-bot.js';

let entry: string;
let dataDir: string;
let blackHole: Server;
const sockets = new Set<Socket>();

/**
 * A "Slack" that answers auth.test (Bolt checks the token before it handles a request) and holds every
 * other call open without an answer: the WebClient waits, then retries.
 */
function listenBlackHole(): Promise<number> {
  blackHole = createServer((req, res) => {
    if (req.url?.endsWith('/auth.test')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          user_id: 'UBOT',
          team_id: 'T0E2E',
          bot_id: 'B0E2E',
          url: 'https://e2e.slack.com/',
        }),
      );
      return;
    }
    sockets.add(req.socket);
    req.socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    blackHole.listen(0, '127.0.0.1', () => resolve((blackHole.address() as { port: number }).port)),
  );
}

beforeAll(async () => {
  entry = await builtEntry();
  dataDir = await mkdtemp(join(tmpdir(), 'reclaim-e2e-stop-'));
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => blackHole?.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('stopping while Slack does not answer', () => {
  it('when SIGTERM comes while Slack calls hang and retry, then the process still exits within 10 s', async () => {
    const port = await freePort();
    const slackPort = await listenBlackHole();
    const env = botEnv({ port, slackApiUrl: `http://127.0.0.1:${slackPort}/api/`, accounts: [], dataDir });
    const bot = spawnBot(entry, env, dataDir);
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHealthy(bot, base);
      const body = new URLSearchParams({
        command: '/compromise',
        text: 'start sandbox stuck',
        user_id: REQUESTER,
        channel_id: 'C0GENERAL',
        team_id: 'T0E2E',
        trigger_id: 'trigger-stop',
        response_url: `http://127.0.0.1:${slackPort}/response`,
      }).toString();
      const res = await fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...slackSignatureHeaders(SIGNING_SECRET, body, Date.now()),
        },
        body,
      });
      expect(res.status, bot.output().slice(-3000)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the channel is being created, and hangs
      expect(sockets.size).toBeGreaterThan(0);
      const asked = Date.now();
      const exit = await bot.stop(30_000);
      const tookMs = Date.now() - asked;
      expect(exit.signal).toBeNull();
      expect(tookMs).toBeLessThan(10_000);
    } finally {
      if (!bot.done) await bot.crash();
    }
  }, 60_000);
});
