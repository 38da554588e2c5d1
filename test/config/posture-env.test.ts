// RECLAIM_POSTURE_CRON / RECLAIM_POSTURE_CHANNEL: the scheduled posture check, validated at start-up.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/domain/errors.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig: the scheduled posture check', () => {
  it('when both are set, then the check is scheduled with them; when neither is, there is none', () => {
    const config = loadConfig({
      RECLAIM_POSTURE_CRON: ' 0 8 * * 1-5 ',
      RECLAIM_POSTURE_CHANNEL: 'CSECURITY',
    });
    expect(config.posture).toEqual({ cron: '0 8 * * 1-5', channel: 'CSECURITY' });
    expect(loadConfig({}).posture).toBeUndefined();
  });

  it.each([
    ['61 * * * *', /expected range 0-59/],
    ['0 8 * *', /4 fields, not 5/],
    ['*/5 * * * * *', /6 fields, not 5/],
    ['every day', /fields|cron/],
  ])('when RECLAIM_POSTURE_CRON is %j, then start-up is refused naming it and why', (cron, why) => {
    const problems = problemsOf({ RECLAIM_POSTURE_CRON: cron, RECLAIM_POSTURE_CHANNEL: 'CSECURITY' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RECLAIM_POSTURE_CRON must be a cron expression of 5 fields/);
    expect(problems[0]).toMatch(why);
  });

  it('when only one of the two is set, or the channel is not a channel ID, then start-up is refused naming them', () => {
    const halves: Record<string, string>[] = [
      { RECLAIM_POSTURE_CRON: '0 8 * * *' },
      { RECLAIM_POSTURE_CHANNEL: 'CSECURITY' },
    ];
    for (const env of halves) {
      expect(problemsOf(env)).toEqual([
        'RECLAIM_POSTURE_CRON and RECLAIM_POSTURE_CHANNEL must be set together (when to check, and where to post it)',
      ]);
    }
    const named = problemsOf({ RECLAIM_POSTURE_CRON: '0 8 * * *', RECLAIM_POSTURE_CHANNEL: '#security' });
    expect(named).toEqual([
      'RECLAIM_POSTURE_CHANNEL must be a Slack channel ID like C0123456789 (the bot must be in it)',
    ]);
  });
});
