// Reclaim Local never acts on a real account unless RECLAIM_LOCAL_REAL=1 asks for it, on loopback only.
import { describe, expect, it } from 'vitest';
import { assertLocalModeAllowed, loadConfig } from '../../src/config/config.js';
import { isLoopbackHost } from '../../src/config/local-mode.js';
import { ConfigError } from '../../src/domain/errors.js';

const KEY = Buffer.alloc(32, 3).toString('base64');
const TWILIO = { TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'tok' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig: Reclaim Local and a real provider account', () => {
  it.each([
    ['TELNYX_API_KEY', { TELNYX_API_KEY: 'KEY1' }],
    ['TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN', TWILIO],
    ['SENDGRID_API_KEY', { SENDGRID_API_KEY: 'SG.x' }],
  ])(
    'when %s is set with no SLACK_BOT_TOKEN and no RECLAIM_LOCAL_REAL, then start-up is refused saying to set one of them',
    (named, env) => {
      const problems = problemsOf({ ...env, RECLAIM_SECRET_KEY: KEY });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^RECLAIM_LOCAL_REAL is not set, nor SLACK_BOT_TOKEN/);
      expect(problems[0]).toContain(named);
      expect(problems[0]).toContain('Set SLACK_BOT_TOKEN to run in Slack, or RECLAIM_LOCAL_REAL=1');
      expect(problems[0]).toContain('127.0.0.1 only');
    },
  );

  it.each(['0.0.0.0', '::', '192.0.2.10', 'reclaim.example.com'])(
    'when RECLAIM_LOCAL_REAL=1 and HOST=%s, then start-up is refused naming RECLAIM_LOCAL_REAL and HOST',
    (host) => {
      const envs: Record<string, string>[] = [{}, { TELNYX_API_KEY: 'KEY1', RECLAIM_SECRET_KEY: KEY }];
      for (const env of envs) {
        const problems = problemsOf({ ...env, RECLAIM_LOCAL_REAL: '1', HOST: host });
        expect(problems).toEqual([
          expect.stringMatching(/^RECLAIM_LOCAL_REAL=1 needs HOST to be a loopback address/),
        ]);
        expect(problems[0]).toContain(`not ${host}`);
      }
    },
  );

  it.each(['127.0.0.1', '::1', 'localhost', undefined])(
    'when RECLAIM_LOCAL_REAL=1 with a provider key and HOST=%s, then it runs locally on the real account',
    (host) => {
      const config = loadConfig({
        TELNYX_API_KEY: 'KEY1',
        RECLAIM_SECRET_KEY: KEY,
        RECLAIM_LOCAL_REAL: '1',
        ...(host ? { HOST: host } : {}),
      });
      expect(config).toMatchObject({ mode: 'local', localReal: true, host: host ?? '127.0.0.1' });
    },
  );

  it('when no provider key is set, then the sandbox runs on any HOST (0.0.0.0 in Docker) and localReal is off', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({
      mode: 'local',
      localReal: false,
      host: '0.0.0.0',
    });
  });

  it('when SLACK_BOT_TOKEN is set, then provider keys need no RECLAIM_LOCAL_REAL and it has no effect', () => {
    const slack = {
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      TELNYX_API_KEY: 'K',
      RECLAIM_SECRET_KEY: KEY,
    };
    expect(loadConfig(slack)).toMatchObject({ mode: 'slack', localReal: false, host: '0.0.0.0' });
    expect(loadConfig({ ...slack, RECLAIM_LOCAL_REAL: '1' }).localReal).toBe(false);
  });

  it('when RECLAIM_LOCAL_REAL is not 1 or 0, then it is named', () => {
    expect(problemsOf({ RECLAIM_LOCAL_REAL: 'yes please' })).toEqual([
      expect.stringMatching(/^RECLAIM_LOCAL_REAL must be 1/),
    ]);
  });

  it('when Reclaim Local is started with a Config that has a provider key but not localReal, then it refuses too', () => {
    const sandbox = loadConfig({ DATA_DIR: '/tmp/x' });
    const tampered = { ...sandbox, telnyx: { ...sandbox.telnyx, apiKey: 'KEY1' } };
    expect(() => assertLocalModeAllowed(tampered)).toThrow(/RECLAIM_LOCAL_REAL is not set.*TELNYX_API_KEY/);
    expect(() => assertLocalModeAllowed({ ...tampered, localReal: true, host: '0.0.0.0' })).toThrow(
      /RECLAIM_LOCAL_REAL=1 needs HOST/,
    );
    expect(() => assertLocalModeAllowed({ ...tampered, localReal: true })).not.toThrow();
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['LOCALHOST', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.2', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
