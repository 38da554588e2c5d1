import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../../src/db/db.js';
import { openDb } from '../../../src/db/open-db.js';
import {
  type SeedOptions,
  type ServedSimulator,
  seedAttackedAccount,
  serveSimulator,
  type TelnyxSimulator,
} from '../../../src/providers/telnyx/simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../support/fake-slack/index.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { BOT_TOKEN, botEnv, SIGNING_SECRET, TIME_SCALE } from './bot-env.js';
import { type BotProcess, type Exit, freePort, spawnBot, waitForHealthy } from './bot-process.js';
import { builtEntry } from './build-bot.js';
import { seedPgliteDataDir } from './pglite-template.js';

export interface WorldOptions {
  /** How the Telnyx account is seeded (see seedAttackedAccount); the attacker got in two days ago. */
  seed?: SeedOptions;
}

const DAY_MS = 86_400_000;

export interface World {
  fs: FakeSlack;
  sim: TelnyxSimulator;
  telnyx: ServedSimulator;
  /** The running bot process (the latest one after a restart). */
  bot: BotProcess;
  /** `http://127.0.0.1:<port>` of the running bot. */
  baseUrl: string;
  dataDir: string;
  /** Everything every bot process of this world wrote to stdout and stderr. */
  logs(): string;
  /** Starts a new bot process on the same database and DATA_DIR (the previous one must be gone). */
  start(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<Exit>;
  /** SIGKILL: a crash, nothing cleaned up. */
  crash(): Promise<Exit>;
  /** The database the bot used; on PGlite only once the bot has stopped (PGlite has one user). */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A fake Slack, a seeded Telnyx account served over HTTP, an isolated database, and the built bot
 * as a child process configured only through environment variables pointing at them.
 */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const entry = await builtEntry();
  const fs = await startFakeSlack({ tierScale: TIME_SCALE, botToken: BOT_TOKEN });
  const sim = seedAttackedAccount({ since: new Date(Date.now() - 2 * DAY_MS), ...options.seed });
  const telnyx = await serveSimulator(sim);
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-e2e-'));
  const pg: TestDb | undefined = process.env.DATABASE_URL
    ? await createTestDb({ migrated: false })
    : undefined;
  if (!pg) await seedPgliteDataDir(dataDir);
  const earlier: string[] = [];
  let bot: BotProcess | undefined;
  let baseUrl = '';

  const world: World = {
    fs,
    sim,
    telnyx,
    dataDir,
    get bot() {
      if (!bot) throw new Error('the bot has not been started');
      return bot;
    },
    get baseUrl() {
      return baseUrl;
    },
    logs: () => [...earlier, bot?.output() ?? ''].join('\n'),
    async start() {
      if (bot && !bot.done) throw new Error('the previous bot process is still running');
      // A port found free can be taken before the bot binds it; then the bot says EADDRINUSE and we try another.
      for (let attempt = 1; ; attempt += 1) {
        if (bot) earlier.push(bot.output());
        const port = await freePort();
        const env = botEnv({
          port,
          slackApiUrl: fs.apiUrl,
          telnyxUrl: telnyx.url,
          dataDir,
          databaseUrl: pg?.url,
        });
        bot = spawnBot(entry, env, dataDir);
        baseUrl = `http://127.0.0.1:${port}`;
        try {
          await waitForHealthy(bot, baseUrl);
          break;
        } catch (err) {
          if (attempt >= 3 || !bot.done || !bot.output().includes('EADDRINUSE')) throw err;
        }
      }
      fs.connectBot({ eventsUrl: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET });
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
      await telnyx.close();
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
