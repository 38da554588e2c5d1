import { SEED_TRUSTED as SENDGRID_TRUSTED } from '../../../src/sandbox/sendgrid/index.js';
import { SANDBOX_API_KEY, SEED_TRUSTED as TELNYX_TRUSTED } from '../../../src/sandbox/telnyx/index.js';
import { SEED_TRUSTED as TWILIO_TRUSTED } from '../../../src/sandbox/twilio/index.js';

export const SIGNING_SECRET = 'e2e-signing-secret-9f3a';
export const BOT_TOKEN = 'xoxb-e2e-bot-token-51c7d2';
/** The app-level token of the Socket Mode worlds (`connections:write`). */
export const APP_TOKEN = 'xapp-1-AE2E-e2e-app-token-8d04b1';
export const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
/** The fake Slack's tier windows and the bot's pacing both run this much faster than real time. */
export const TIME_SCALE = 0.01;
export const APPROVERS = ['UBOB', 'UCAROL', 'UDAVE'] as const;
export const RESPONDERS = ['UALICE', 'UERIN'] as const;
/** The requester in the tests: a responder, not an approver. */
export const REQUESTER = 'UALICE';
/** The pace the bot keeps with every simulated provider (each simulator allows 100 requests/s). */
const PROVIDER_RATE = '50';

export interface TrustedLists {
  hosts: readonly string[];
  ips: readonly string[];
  numbers: readonly string[];
}

/** One provider account as the bot is configured for it: its variables and what its operator trusts. */
export interface AccountEnv {
  env: Record<string, string>;
  trusted: TrustedLists;
}

/** The seeded Telnyx account served at `url` (`…/v2`). */
export function telnyxAccountEnv(url: string): AccountEnv {
  return {
    env: { TELNYX_API_KEY: SANDBOX_API_KEY, TELNYX_API_URL: url, TELNYX_RATE_PER_SEC: PROVIDER_RATE },
    trusted: TELNYX_TRUSTED,
  };
}

/** The seeded Twilio account served at `url`, with its SID and (current) Auth Token. */
export function twilioAccountEnv(url: string, accountSid: string, authToken: string): AccountEnv {
  return {
    env: {
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_API_URL: url,
      TWILIO_RATE_PER_SEC: PROVIDER_RATE,
    },
    trusted: TWILIO_TRUSTED,
  };
}

/** The seeded SendGrid account served at `url`, with the key it answers to. */
export function sendgridAccountEnv(url: string, apiKey: string): AccountEnv {
  return {
    env: { SENDGRID_API_KEY: apiKey, SENDGRID_API_URL: url, SENDGRID_RATE_PER_SEC: PROVIDER_RATE },
    trusted: SENDGRID_TRUSTED,
  };
}

export interface BotEnvInput {
  port: number;
  slackApiUrl: string;
  dataDir: string;
  /** The provider accounts the bot is configured for; their trusted lists are merged. */
  accounts: readonly AccountEnv[];
  /** The isolated schema's URL on PostgreSQL; unset on PGlite (the bot then uses DATA_DIR/pglite). */
  databaseUrl?: string | undefined;
  /** Socket Mode: SLACK_APP_TOKEN instead of SLACK_SIGNING_SECRET. */
  socketMode?: boolean;
}

/** The union of the accounts' lists of `kind`, each entry once, comma-separated. */
function trusted(accounts: readonly AccountEnv[], kind: keyof TrustedLists): string {
  return [...new Set(accounts.flatMap((a) => a.trusted[kind]))].join(',');
}

/** The whole configuration of the bot under test: only variables pointing at the fakes. */
export function botEnv(input: BotEnvInput): Record<string, string> {
  return {
    PORT: String(input.port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...(input.socketMode ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    SLACK_API_URL: input.slackApiUrl,
    ...Object.assign({}, ...input.accounts.map((a) => a.env)),
    RECLAIM_SECRET_KEY: SECRET_KEY,
    RECLAIM_APPROVERS: APPROVERS.join(','),
    RECLAIM_RESPONDERS: RESPONDERS.join(','),
    RECLAIM_TRUSTED_HOSTS: trusted(input.accounts, 'hosts'),
    RECLAIM_TRUSTED_IPS: trusted(input.accounts, 'ips'),
    RECLAIM_TRUSTED_NUMBERS: trusted(input.accounts, 'numbers'),
    DATA_DIR: input.dataDir,
    RECLAIM_SLACK_PACE: String(TIME_SCALE),
    RECLAIM_JOB_LEASE_SECONDS: '2',
    LOG_LEVEL: 'debug',
    ...(input.databaseUrl ? { DATABASE_URL: input.databaseUrl } : {}),
  };
}
