import { describe, expect, it } from 'vitest';
import { configuredProviders, loadConfig } from '../src/config/config.js';
import { ConfigError } from '../src/domain/errors.js';

const KEY = Buffer.alloc(32, 1).toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('when nothing is set, then it runs locally on embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'local',
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      highRiskApprovals: 2,
      databaseUrl: undefined,
      slack: { apiUrl: 'https://slack.com/api/', socketMode: false },
      telnyx: { apiUrl: 'https://api.telnyx.com/v2' },
      twilio: { apiUrl: 'https://api.twilio.com' },
      sendgrid: { apiUrl: 'https://api.sendgrid.com' },
      logLevel: 'info',
    });
    expect(configuredProviders(c)).toEqual([]);
  });

  it('when Slack and a provider are configured, then lists, keys and modes are parsed', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      RECLAIM_APPROVERS: 'U01AAA, U02BBB,,',
      RECLAIM_TRUSTED_IPS: '203.0.113.7,198.51.100.0/24,2001:db8::/32',
      RECLAIM_TRUSTED_NUMBERS: '+15550100',
      RECLAIM_SECRET_KEY: KEY,
      TELNYX_API_KEY: 'KEYabc',
      TELNYX_RATE_PER_SEC: '12.5',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
    });
    expect(c.mode).toBe('slack');
    expect(c.slack.socketMode).toBe(true);
    expect(c.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(c.host).toBe('127.0.0.1'); // Socket Mode: nothing needs to reach in
    expect(c.approvers).toEqual(['U01AAA', 'U02BBB']);
    expect(c.trusted.ips).toHaveLength(3);
    expect(c.secretKey?.length).toBe(32);
    expect(c.telnyx.ratePerSec).toBe(12.5);
    expect(configuredProviders(c)).toEqual(['telnyx']);
  });

  it.each([
    [{ RECLAIM_SECRET_KEY: 'short' }, 'RECLAIM_SECRET_KEY must be 32 bytes, base64'],
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
    [{ PORT: '70000' }, 'PORT'],
    [{ RECLAIM_HIGH_RISK_APPROVALS: '0' }, 'RECLAIM_HIGH_RISK_APPROVALS'],
    [{ RECLAIM_APPROVERS: 'alice' }, 'RECLAIM_APPROVERS must be a comma-separated list of Slack user IDs'],
    [{ RECLAIM_TRUSTED_IPS: '10.0.0.0/33' }, 'RECLAIM_TRUSTED_IPS'],
    [{ RECLAIM_TRUSTED_NUMBERS: '5550100' }, 'RECLAIM_TRUSTED_NUMBERS'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, 'SLACK_BOT_TOKEN must be a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET must be set in HTTP mode'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN must be set when SLACK_APP_TOKEN is'],
    [
      { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` },
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together',
    ],
    [{ TELNYX_API_KEY: 'KEY' }, 'RECLAIM_SECRET_KEY must be set when a provider key is configured'],
    [{ TELNYX_API_URL: 'ftp://x' }, 'TELNYX_API_URL must be an http(s) URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// URL'],
  ])('when %o, then start-up stops naming the variable', (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((p) => p.includes(expected))).toBe(true);
  });

  it('when several values are wrong, then each gets its own line', () => {
    const problems = problemsOf({ PORT: 'x', RECLAIM_SECRET_KEY: 'y', LOG_LEVEL: 'z' });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'RECLAIM_SECRET_KEY']);
  });

  it('when a variable is set to the empty string, then it counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
