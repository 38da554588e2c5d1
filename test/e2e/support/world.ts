import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../../src/db/db.js';
import { openDb } from '../../../src/db/open-db.js';
import type { StepDefinition } from '../../../src/playbooks/types.js';
import type { SendgridSeedOptions, SendgridSimulator } from '../../../src/sandbox/sendgrid/index.js';
import type { SeedOptions, TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import type { TwilioSeedOptions, TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack/index.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { APP_TOKEN, BOT_TOKEN, botEnv, SIGNING_SECRET, TIME_SCALE } from './bot-env.js';
import { type BotProcess, type Exit, freePort, spawnBot, waitForHealthy } from './bot-process.js';
import { builtEntry } from './build-bot.js';
import { seedPgliteDataDir } from './pglite-template.js';
import { type ProviderName, stepsOf } from './playbook-steps.js';
import { type SimulatedAccounts, startSimulatedAccounts } from './simulated-accounts.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export interface WorldOptions {
  /** The providers whose accounts are simulated and configured, in incident order; default Telnyx. */
  providers?: readonly ProviderName[];
  /** How the Telnyx account is seeded (see seedAttackedAccount); the attacker got in two days ago. */
  seed?: SeedOptions;
  /** How the Twilio account is seeded (see seedAttackedTwilioAccount); likewise two days ago. */
  twilioSeed?: TwilioSeedOptions;
  /** How the SendGrid account is seeded (see seedAttackedSendgridAccount); likewise two days ago. */
  sendgridSeed?: SendgridSeedOptions;
  /** PostgreSQL only: the bot reaches the database through a proxy the test can cut (`world.database`). */
  databaseProxy?: boolean;
  /**
   * Socket Mode: the fake Slack serves it (`fs.socket`), the bot gets SLACK_APP_TOKEN and no signing
   * secret, and the user side delivers envelopes over the WebSocket instead of signed POSTs.
   */
  socketMode?: boolean;
  /**
   * Every restart gets the credentials of the first start, as an operator who never edits the
   * environment (after a Twilio rotation: the old, refused token). Default: each account's current ones.
   */
  firstEnvOnly?: boolean;
  /** More variables for every bot process of this world (they win over botEnv's). */
  env?: Record<string, string>;
}

const DAY_MS = 86_400_000;

export interface World {
  fs: FakeSlack;
  providers: readonly ProviderName[];
  /** The steps of an incident covering every provider of the world, in the order of their cards. */
  steps: readonly StepDefinition[];
  accounts: SimulatedAccounts;
  /** The simulated Telnyx account (throws when the world has none). */
  sim: TelnyxSimulator;
  /** The simulated Twilio account (throws when the world has none). */
  twilio: TwilioSimulator;
  /** The simulated SendGrid account (throws when the world has none). */
  sendgrid: SendgridSimulator;
  /** The running bot process (the latest one after a restart). */
  bot: BotProcess;
  /** `http://127.0.0.1:<port>` of the running bot. */
  baseUrl: string;
  dataDir: string;
  /** Everything every bot process of this world wrote to stdout and stderr. */
  logs(): string;
  /** The environment a bot process of this world gets, listening on `port` (another one: a replica). */
  envFor(port: number): Record<string, string>;
  /** Starts a new bot process on the same database and DATA_DIR (the previous one must be gone). */
  start(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<Exit>;
  /** SIGKILL: a crash, nothing cleaned up. */
  crash(): Promise<Exit>;
  /** The database the bot used; on PGlite only once the bot has stopped (PGlite has one user). */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** The proxy between bot and PostgreSQL (with `databaseProxy`). */
  database?: TcpProxy;
  close(): Promise<void>;
}

function simOf<Sim>(account: { sim: Sim } | undefined, provider: ProviderName): Sim {
  if (!account) throw new Error(`this world simulates no ${provider} account`);
  return account.sim;
}

/**
 * A fake Slack, a seeded account per provider served over HTTP, an isolated database, and the
 * built bot as a child process configured only through environment variables pointing at them.
 */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const entry = await builtEntry();
  const fs = await startFakeSlack({
    tierScale: TIME_SCALE,
    botToken: BOT_TOKEN,
    ...(options.socketMode ? { socketMode: { appToken: APP_TOKEN } } : {}),
  });
  const providers = options.providers ?? ['telnyx'];
  const accounts = await startSimulatedAccounts({
    providers,
    since: new Date(Date.now() - 2 * DAY_MS),
    ...(options.seed ? { telnyx: options.seed } : {}),
    ...(options.twilioSeed ? { twilio: options.twilioSeed } : {}),
    ...(options.sendgridSeed ? { sendgrid: options.sendgridSeed } : {}),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-e2e-'));
  const pg: TestDb | undefined = process.env.DATABASE_URL
    ? await createTestDb({ migrated: false })
    : undefined;
  if (!pg) await seedPgliteDataDir(dataDir);
  let databaseUrl = pg?.url;
  let database: TcpProxy | undefined;
  if (pg?.url && options.databaseProxy) {
    const url = new URL(pg.url);
    database = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${database.port}`;
    databaseUrl = url.toString();
  }
  const earlier: string[] = [];
  const firstEnv = options.firstEnvOnly ? accounts.envs() : undefined;
  let bot: BotProcess | undefined;
  let baseUrl = '';

  const world: World = {
    fs,
    providers,
    steps: stepsOf(providers),
    accounts,
    get sim() {
      return simOf(accounts.telnyx, 'telnyx');
    },
    get twilio() {
      return simOf(accounts.twilio, 'twilio');
    },
    get sendgrid() {
      return simOf(accounts.sendgrid, 'sendgrid');
    },
    dataDir,
    ...(database ? { database } : {}),
    get bot() {
      if (!bot) throw new Error('the bot has not been started');
      return bot;
    },
    get baseUrl() {
      return baseUrl;
    },
    logs: () => [...earlier, bot?.output() ?? ''].join('\n'),
    envFor: (port) => ({
      ...botEnv({
        port,
        slackApiUrl: fs.apiUrl,
        accounts: firstEnv ?? accounts.envs(),
        dataDir,
        databaseUrl,
        socketMode: options.socketMode,
      }),
      ...options.env,
    }),
    async start() {
      if (bot && !bot.done) throw new Error('the previous bot process is still running');
      // A port found free can be taken before the bot binds it; then the bot says EADDRINUSE and we try another.
      for (let attempt = 1; ; attempt += 1) {
        if (bot) earlier.push(bot.output());
        const port = await freePort();
        bot = spawnBot(entry, world.envFor(port), dataDir);
        baseUrl = `http://127.0.0.1:${port}`;
        try {
          await waitForHealthy(bot, baseUrl);
          break;
        } catch (err) {
          if (attempt >= 3 || !bot.done || !bot.output().includes('EADDRINUSE')) throw err;
        }
      }
      if (!options.socketMode) {
        fs.connectBot({ eventsUrl: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET });
        return;
      }
      await fs.waitFor(() => fs.socket?.isConnected(), {
        timeoutMs: 60_000,
        description: 'the bot opened its Socket Mode connection',
      });
    },
    stop: () => world.bot.stop(),
    crash: () => world.bot.crash(),
    async withDb(fn) {
      if (pg) return fn(pg.db);
      if (bot && !bot.done) throw new Error('stop the bot first: PGlite has one user at a time');
      const db = await openDb({ dataDir });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    async close() {
      // The test is over: no need to wait for a graceful stop (tests that check it call stop()).
      if (bot && !bot.done) await bot.crash();
      await fs.close();
      await accounts.close();
      await database?.close();
      await pg?.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/**
 * A started world that is closed when the test finishes; concurrent tests each take their own
 * (pass the test context's `onTestFinished`).
 */
export async function startedWorld(
  onTestFinished: (fn: () => Promise<void>) => void,
  options: WorldOptions = {},
): Promise<World> {
  const world = await startWorld(options);
  onTestFinished(() => world.close());
  await world.start();
  return world;
}
