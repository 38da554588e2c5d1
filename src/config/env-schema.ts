import { isIP } from 'node:net';
import { z } from 'zod';
import { cronProblem } from '../util/cron.js';

/** Comma-separated list; blanks dropped; every item checked, the bad ones named. */
const list = (valid: (item: string) => boolean, what: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const items = (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = items.filter((i) => !valid(i));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of ${what}; not: ${bad.join(', ')}`,
        });
        return z.NEVER;
      }
      return items;
    });

const slackUserId = (s: string) => /^[UW][A-Z0-9]{2,}$/.test(s);
const e164 = (s: string) => /^\+[1-9]\d{6,14}$/.test(s);
const host = (s: string) => /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(s);
const httpUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(fallback);
const optionalText = z.string().trim().min(1).optional();
const rate = z.coerce
  .number({ error: 'must be a number of requests per second' })
  .positive()
  .max(10_000)
  .optional();

export function isIpOrCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  if (rest.length > 0 || !ip) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** Every variable of DESIGN.md §3, as the operator writes it. */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, { error: 'must be a bot token starting with xoxb-' })
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, { error: 'must be an app-level token starting with xapp-' })
    .optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: httpUrl('https://slack.com/api/'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).optional(),
  METRICS_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65_535).optional(),
  METRICS_HOST: z.string().min(1).optional(),
  RECLAIM_LOCAL_REAL: z
    .enum(['1', '0', 'true', 'false'], { error: 'must be 1 to allow it (or 0, or unset)' })
    .transform((v) => v === '1' || v === 'true')
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  RECLAIM_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  RECLAIM_APPROVERS: list(slackUserId, 'Slack user IDs (like U0123ABCD)'),
  RECLAIM_APPROVER_GROUP: z
    .string()
    .regex(/^S[A-Z0-9]{2,}$/, { error: 'must be a user group ID like S0123ABCD' })
    .optional(),
  RECLAIM_RESPONDERS: list(slackUserId, 'Slack user IDs (like U0123ABCD)'),
  RECLAIM_HIGH_RISK_APPROVALS: z.coerce
    .number({ error: 'must be a whole number from 1 to 10' })
    .int()
    .min(1)
    .max(10)
    .default(2),
  RECLAIM_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
      error: 'must be 32 bytes, base64 (generate one with: openssl rand -base64 32)',
    })
    .optional(),
  TELNYX_API_KEY: optionalText,
  TELNYX_API_URL: httpUrl('https://api.telnyx.com/v2'),
  TELNYX_RATE_PER_SEC: rate,
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-f]{32}$/, { error: 'must look like AC followed by 32 hex digits' })
    .optional(),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_API_URL: httpUrl('https://api.twilio.com'),
  TWILIO_RATE_PER_SEC: rate,
  SENDGRID_API_KEY: optionalText,
  SENDGRID_API_URL: httpUrl('https://api.sendgrid.com'),
  SENDGRID_RATE_PER_SEC: rate,
  RECLAIM_TRUSTED_HOSTS: list(host, 'host names (like hooks.example.com)'),
  RECLAIM_TRUSTED_IPS: list(isIpOrCidr, 'IPs or CIDRs (like 203.0.113.7 or 198.51.100.0/24)'),
  RECLAIM_TRUSTED_NUMBERS: list(e164, 'E.164 numbers (like +15550100)'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: 'must be a redis:// URL' })
    .optional(),
  RECLAIM_SLACK_PACE: z.coerce
    .number({ error: 'must be a number from 0.001 to 1' })
    .min(0.001)
    .max(1)
    .default(1),
  RECLAIM_JOB_LEASE_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 2 to 600' })
    .int()
    .min(2)
    .max(600)
    .default(15),
  RECLAIM_WATCH_HOURS: z.coerce
    .number({ error: 'must be a number of hours from 0 (no watch) to 720' })
    .min(0)
    .max(720)
    .default(72),
  RECLAIM_WATCH_INTERVAL_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes from 0.01 to 1440' })
    .min(0.01)
    .max(1440)
    .default(15),
  RECLAIM_POSTURE_CRON: z
    .string()
    .trim()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : cronProblem(value);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a cron expression of 5 fields (minute hour day month weekday, UTC) like "0 8 * * 1-5": ${problem}`,
        });
      }
    }),
  RECLAIM_POSTURE_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{2,}$/, {
      error: 'must be a Slack channel ID like C0123456789 (the bot must be in it)',
    })
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NODE_ENV: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;
