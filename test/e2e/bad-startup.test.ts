import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { botEnv, telnyxAccountEnv } from './support/bot-env.js';
import { freePort, spawnBot } from './support/bot-process.js';
import { builtEntry } from './support/build-bot.js';
import { WAIT_MS } from './support/drive-incident.js';

let entry: string;
let dataDir: string;
beforeAll(async () => {
  entry = await builtEntry();
  dataDir = await mkdtemp(join(tmpdir(), 'reclaim-e2e-bad-'));
}, 120_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts the bot with one variable changed (undefined: removed) and waits for it to give up. */
async function startWith(changes: Record<string, string | undefined>) {
  const env = botEnv({
    port: await freePort(),
    slackApiUrl: 'http://127.0.0.1:1/api/',
    accounts: [telnyxAccountEnv('http://127.0.0.1:1/v2')],
    dataDir,
  });
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const bot = spawnBot(entry, env, dataDir);
  const timer = setTimeout(() => void bot.crash(), WAIT_MS);
  const exit = await bot.exited;
  clearTimeout(timer);
  return { exit, stderr: bot.stderr(), output: bot.output() };
}

const STACK_FRAME = /^\s+at .+[(:]\d+/m;

describe('a bad start-up says what is wrong and stops', () => {
  it.for([
    ['PORT', { PORT: 'eighty' }],
    ['RECLAIM_SECRET_KEY', { RECLAIM_SECRET_KEY: 'c2hvcnQ=' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db.example.com/reclaim' }],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: undefined }],
    ['RECLAIM_POSTURE_CRON', { RECLAIM_POSTURE_CRON: '0 25 * * *', RECLAIM_POSTURE_CHANNEL: 'CSEC' }],
    ['RECLAIM_POSTURE_CHANNEL', { RECLAIM_POSTURE_CRON: '0 8 * * 1-5' }],
  ] as const)(
    'when %s is malformed or missing, then the bot exits non-zero naming it, without a stack trace',
    async ([name, changes], { expect }) => {
      const { exit, stderr, output } = await startWith(changes);
      expect(exit.signal).toBeNull();
      expect(exit.code).not.toBe(0);
      expect(stderr).toContain(name);
      expect(output).not.toMatch(STACK_FRAME);
    },
  );

  it('when DATABASE_URL points at a port where nothing listens, then the bot exits non-zero naming DATABASE_URL, without a stack trace', async ({
    expect,
  }) => {
    const { exit, stderr, output } = await startWith({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
    expect(stderr).toContain('DATABASE_URL');
    expect(output).not.toMatch(STACK_FRAME);
  });

  it.runIf(process.env.DATABASE_URL)(
    'when DATABASE_URL names a user PostgreSQL does not know, then the bot exits non-zero naming DATABASE_URL and never prints the password',
    async ({ expect }) => {
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.username = 'reclaim_no_such_user';
      url.password = 'wrong-pass-4f1c';
      const { exit, stderr, output } = await startWith({ DATABASE_URL: url.toString() });
      expect(exit.code).not.toBe(0);
      expect(stderr).toContain('DATABASE_URL');
      expect(output).not.toContain('wrong-pass-4f1c');
      expect(output).not.toMatch(STACK_FRAME);
    },
  );
});
