import { describe, expect, it } from 'vitest';
import { cronProblem, nextCronTime } from '../../src/util/cron.js';

describe('cron expressions', () => {
  it('when asked for the next time, then it is the first one strictly after, in UTC', () => {
    const at = new Date('2026-12-02T08:00:00Z');
    expect(nextCronTime('0 8 * * *', at).toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(nextCronTime('0 8 * * *', new Date('2026-12-02T07:59:59Z')).toISOString()).toBe(
      '2026-12-02T08:00:00.000Z',
    );
    // Wednesday 2 December 2026 → the next weekday morning is Thursday's.
    expect(nextCronTime('30 6 * * 1-5', at).toISOString()).toBe('2026-12-03T06:30:00.000Z');
    expect(nextCronTime('*/15 * * * *', new Date('2026-12-02T08:00:00.500Z')).toISOString()).toBe(
      '2026-12-02T08:15:00.000Z',
    );
  });

  it('when the expression is not five valid fields, then it says why, and nextCronTime refuses it', () => {
    expect(cronProblem('0 8 * * 1-5')).toBeNull();
    expect(cronProblem('* * *')).toBe('it has 3 fields, not 5');
    expect(cronProblem('0 25 * * *')).toMatch(/0-23/);
    expect(() => nextCronTime('0 25 * * *', new Date())).toThrow(/not a cron expression/);
  });
});
