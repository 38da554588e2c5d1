import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createMetrics } from '../../src/app/metrics.js';
import { type SlackBot, startSlackBot } from '../../src/app/start-slack-bot.js';
import { loadConfig } from '../../src/config/config.js';
import type { PlaybookRuntime } from '../../src/incidents/deps.js';
import { createLogger } from '../../src/util/logger.js';
import { FakeAccount, fakeRuntime } from './fake-playbook.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './fake-slack/index.js';
import { createTestDb, type TestDb } from './test-db.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-1-A1-test-app-token';
/** How much faster than real time both the fake's tier windows and the bot's pacing run. */
export const TIME_SCALE = 0.01;

export interface TestBot {
  fs: FakeSlack;
  bot: SlackBot;
  t: TestDb;
  account: FakeAccount;
  /** Every line the bot logged. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The real Slack front door (Bolt's HTTP receiver on an ephemeral port, or with `socketMode` a
 * WebSocket to the fake; the real use cases and worker) against a fake Slack on 127.0.0.1 and an isolated database. `playbooks: 'sandbox'` runs
 * the real Telnyx playbook against the simulator; the default is a small fake playbook.
 */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    playbooks?: 'fake' | 'sandbox';
    fakeSlack?: FakeSlackOptions;
    /** Socket Mode: the fake serves it, the bot gets SLACK_APP_TOKEN and this reconnect budget (ms). */
    socketMode?: { reconnectBudgetMs?: number };
  } = {},
): Promise<TestBot> {
  const socketMode = options.socketMode ? { appToken: APP_TOKEN } : undefined;
  const fs = await startFakeSlack({
    tierScale: TIME_SCALE,
    botToken: BOT_TOKEN,
    ...(socketMode ? { socketMode } : {}),
    ...options.fakeSlack,
  });
  const t = await createTestDb();
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-bot-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fs.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RECLAIM_APPROVERS: 'UBOB,UCAROL,UDAVE',
    RECLAIM_RESPONDERS: 'UALICE,UERIN',
    TELNYX_API_KEY: 'KEY-test-telnyx',
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...(socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
    ...options.env,
  });
  const sink = new PassThrough();
  let logText = '';
  sink.on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  const logger = createLogger({ level: 'debug', destination: sink });
  const account = new FakeAccount();
  const playbooks: PlaybookRuntime =
    options.playbooks === 'sandbox'
      ? (await import('../../src/app/playbook-runtime.js')).createPlaybookRuntime(config, logger)
      : fakeRuntime(account);
  const metrics = createMetrics();
  const bot = await startSlackBot(config, logger, playbooks, {
    metrics,
    db: t.db,
    retries: 3,
    botIds: { botId: 'BBOT', botUserId: 'UBOT' },
    pacing: { timeScale: TIME_SCALE },
    leaseMs: 3_000,
    ...(options.socketMode?.reconnectBudgetMs
      ? { reconnectBudgetMs: options.socketMode.reconnectBudgetMs }
      : {}),
  });
  metrics.watch({ db: t.db });
  if (!socketMode) fs.connectBot({ eventsUrl: `${bot.url}/slack/events`, signingSecret: SIGNING_SECRET });
  return {
    fs,
    bot,
    t,
    account,
    logs: () => logText,
    async stop() {
      await bot.stop();
      await fs.close();
      await t.cleanup();
    },
  };
}
