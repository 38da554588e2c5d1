import { SANDBOX_API_KEY, SEED_TRUSTED } from '../../../src/providers/telnyx/simulator/index.js';

export const SIGNING_SECRET = 'e2e-signing-secret-9f3a';
export const BOT_TOKEN = 'xoxb-e2e-bot-token-51c7d2';
export const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** The fake Slack's tier windows and the bot's pacing both run this much faster than real time. */
export const TIME_SCALE = 0.01;
export const APPROVERS = ['UBOB', 'UCAROL', 'UDAVE'] as const;
export const RESPONDERS = ['UALICE', 'UERIN'] as const;
/** The requester in the tests: a responder, not an approver. */
export const REQUESTER = 'UALICE';

export interface BotEnvInput {
  port: number;
  slackApiUrl: string;
  telnyxUrl: string;
  dataDir: string;
  /** The isolated schema's URL on PostgreSQL; unset on PGlite (the bot then uses DATA_DIR/pglite). */
  databaseUrl?: string | undefined;
}

/** The whole configuration of the bot under test: only variables pointing at the fakes. */
export function botEnv(input: BotEnvInput): Record<string, string> {
  return {
    PORT: String(input.port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: input.slackApiUrl,
    TELNYX_API_KEY: SANDBOX_API_KEY,
    TELNYX_API_URL: input.telnyxUrl,
    TELNYX_RATE_PER_SEC: '50',
    RECLAIM_SECRET_KEY: SECRET_KEY,
    RECLAIM_APPROVERS: APPROVERS.join(','),
    RECLAIM_RESPONDERS: RESPONDERS.join(','),
    RECLAIM_TRUSTED_HOSTS: SEED_TRUSTED.hosts.join(','),
    RECLAIM_TRUSTED_IPS: SEED_TRUSTED.ips.join(','),
    RECLAIM_TRUSTED_NUMBERS: SEED_TRUSTED.numbers.join(','),
    DATA_DIR: input.dataDir,
    RECLAIM_SLACK_PACE: String(TIME_SCALE),
    RECLAIM_JOB_LEASE_SECONDS: '2',
    LOG_LEVEL: 'debug',
    ...(input.databaseUrl ? { DATABASE_URL: input.databaseUrl } : {}),
  };
}
