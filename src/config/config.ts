import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError } from '../domain/errors.js';
import type { ProviderName } from '../domain/providers.js';
import { type Env, envSchema } from './env-schema.js';
import { localModeProblems } from './local-mode.js';

export type { ProviderName } from '../domain/providers.js';

export interface ProviderConfig {
  apiUrl: string;
  ratePerSec?: number | undefined;
}

export interface Config {
  /** `slack`: a real workspace; `local`: no SLACK_BOT_TOKEN, the embedded console. */
  mode: 'slack' | 'local';
  slack: {
    botToken?: string | undefined;
    appToken?: string | undefined;
    signingSecret?: string | undefined;
    apiUrl: string;
    socketMode: boolean;
    /** Multiplies the pacing intervals under Slack's tiers (1 in production; smaller against a fake). */
    pace: number;
  };
  /** How soon a job held by a crashed process is picked up again. */
  jobLeaseMs: number;
  /** The post-remediation watch new incidents get (hours 0: none). */
  watch: { hours: number; intervalMinutes: number };
  /** The scheduled posture check of every connection (RECLAIM_POSTURE_CRON, UTC) and where it is posted. */
  posture?: { cron: string; channel: string } | undefined;
  port: number;
  host: string;
  /** `/metrics` on its own listener (METRICS_PORT, on METRICS_HOST, loopback by default); unset: beside `/healthz` when HOST is loopback. */
  metrics: { port?: number | undefined; host: string };
  /** Local mode may act on a real provider account (RECLAIM_LOCAL_REAL=1; HOST is then loopback). */
  localReal: boolean;
  databaseUrl?: string | undefined;
  /** The schema owner's URL: migrations run through it and the bot's role gets least privilege. */
  databaseOwnerUrl?: string | undefined;
  dataDir: string;
  /** Where each anchor of the audit chain is written down besides the incident channel. */
  auditAnchorFile: string;
  approvers: string[];
  approverGroup?: string | undefined;
  responders: string[];
  highRiskApprovals: number;
  secretKey?: Buffer | undefined;
  telnyx: ProviderConfig & { apiKey?: string | undefined };
  twilio: ProviderConfig & { accountSid?: string | undefined; authToken?: string | undefined };
  sendgrid: ProviderConfig & { apiKey?: string | undefined };
  trusted: { hosts: string[]; ips: string[]; numbers: string[] };
  redisUrl?: string | undefined;
  logLevel: Env['LOG_LEVEL'];
}

/** The variables that reach a real provider account. */
const PROVIDER_KEYS = [
  'TELNYX_API_KEY',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'SENDGRID_API_KEY',
] as const;

/**
 * Validates an environment object (never process.env directly: the caller passes it in) and returns
 * the typed configuration, or throws ConfigError with one line per problem naming the variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET must be set in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode); find it under Basic Information → App Credentials',
    );
  }
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN)
    problems.push('SLACK_BOT_TOKEN must be set when SLACK_APP_TOKEN is');
  if (Boolean(e.TWILIO_ACCOUNT_SID) !== Boolean(e.TWILIO_AUTH_TOKEN)) {
    problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together');
  }
  const providerKeys = PROVIDER_KEYS.filter((k) => e[k] !== undefined);
  if (providerKeys.length > 0 && !e.RECLAIM_SECRET_KEY) {
    problems.push(
      'RECLAIM_SECRET_KEY must be set when a provider key is configured: 32 bytes, base64 (openssl rand -base64 32)',
    );
  }
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    problems.push("DATABASE_OWNER_URL is only used with DATABASE_URL (the bot's own, less privileged role)");
  }
  if (Boolean(e.RECLAIM_POSTURE_CRON) !== Boolean(e.RECLAIM_POSTURE_CHANNEL)) {
    problems.push(
      'RECLAIM_POSTURE_CRON and RECLAIM_POSTURE_CHANNEL must be set together (when to check, and where to post it)',
    );
  }
  const local = !e.SLACK_BOT_TOKEN;
  const localReal = local && e.RECLAIM_LOCAL_REAL === true;
  // Only HTTP mode needs Slack to reach in; Socket Mode and Reclaim Local answer this machine by default.
  const host = e.HOST ?? (local || e.SLACK_APP_TOKEN ? '127.0.0.1' : '0.0.0.0');
  problems.push(...localModeProblems({ local, providerKeys, localReal, host }));
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: local ? 'local' : 'slack',
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      socketMode: Boolean(e.SLACK_APP_TOKEN),
      pace: e.RECLAIM_SLACK_PACE,
    },
    jobLeaseMs: e.RECLAIM_JOB_LEASE_SECONDS * 1000,
    watch: { hours: e.RECLAIM_WATCH_HOURS, intervalMinutes: e.RECLAIM_WATCH_INTERVAL_MINUTES },
    ...(e.RECLAIM_POSTURE_CRON && e.RECLAIM_POSTURE_CHANNEL
      ? { posture: { cron: e.RECLAIM_POSTURE_CRON, channel: e.RECLAIM_POSTURE_CHANNEL } }
      : {}),
    port: e.PORT,
    host,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST ?? '127.0.0.1' },
    localReal,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: e.DATA_DIR,
    auditAnchorFile: e.RECLAIM_AUDIT_ANCHOR_FILE ?? join(e.DATA_DIR, 'audit-anchors.jsonl'),
    approvers: e.RECLAIM_APPROVERS,
    approverGroup: e.RECLAIM_APPROVER_GROUP,
    responders: e.RECLAIM_RESPONDERS,
    highRiskApprovals: e.RECLAIM_HIGH_RISK_APPROVALS,
    secretKey: e.RECLAIM_SECRET_KEY ? Buffer.from(e.RECLAIM_SECRET_KEY, 'base64') : undefined,
    telnyx: { apiKey: e.TELNYX_API_KEY, apiUrl: e.TELNYX_API_URL, ratePerSec: e.TELNYX_RATE_PER_SEC },
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      apiUrl: e.TWILIO_API_URL,
      ratePerSec: e.TWILIO_RATE_PER_SEC,
    },
    sendgrid: { apiKey: e.SENDGRID_API_KEY, apiUrl: e.SENDGRID_API_URL, ratePerSec: e.SENDGRID_RATE_PER_SEC },
    trusted: {
      hosts: e.RECLAIM_TRUSTED_HOSTS,
      ips: e.RECLAIM_TRUSTED_IPS,
      numbers: e.RECLAIM_TRUSTED_NUMBERS,
    },
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * process.env over the values of a `.env` file in the working directory (local runs): a variable
 * already in the environment wins, as with dotenv.
 */
export function readEnvironment(
  processEnv: NodeJS.ProcessEnv,
  dotenvPath = '.env',
): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...processEnv };
}

/** Which providers have credentials, for `/compromise start` and the health page. */
export function configuredProviders(config: Config): ProviderName[] {
  const out: ProviderName[] = [];
  if (config.telnyx.apiKey) out.push('telnyx');
  if (config.twilio.accountSid && config.twilio.authToken) out.push('twilio');
  if (config.sendgrid.apiKey) out.push('sendgrid');
  return out;
}

/**
 * Reclaim Local's guard at its own start, for a Config that did not come through loadConfig (or
 * was changed since): the same refusals as start-up, as a ConfigError naming the variable.
 */
export function assertLocalModeAllowed(config: Config): void {
  const variables = { telnyx: 'TELNYX_API_KEY', twilio: 'TWILIO_AUTH_TOKEN', sendgrid: 'SENDGRID_API_KEY' };
  const providerKeys = configuredProviders(config).map((p) => variables[p]);
  const problems = localModeProblems({
    local: true,
    providerKeys,
    localReal: config.localReal,
    host: config.host,
  });
  if (problems.length > 0) throw new ConfigError(problems);
}
