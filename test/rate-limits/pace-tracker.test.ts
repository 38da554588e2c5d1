// What an account's answers say of its pace: request time, and the rate headers' budget until the reset.
import { describe, expect, it } from 'vitest';
import { PaceTracker } from '../../src/rate-limits/pace-tracker.js';

const rateHeaders = (remaining: string, reset: string) =>
  new Headers({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': reset });

function tracker(timeUnitMs = 1000) {
  let now = Date.UTC(2026, 10, 23, 12);
  const pace = new PaceTracker(50, { timeUnitMs, now: () => now });
  return { pace, advance: (ms: number) => (now += ms) };
}

describe('PaceTracker', () => {
  it('when no answer came yet, then it knows the rate only and never holds a send', () => {
    const { pace } = tracker();
    expect(pace.read()).toEqual({ ratePerSec: 50 });
    expect(pace.waitMs()).toBe(0);
  });

  it('when answers carry no rate headers, then it keeps the mean request time and no budget', () => {
    const { pace } = tracker();
    pace.answered(pace.sending(), 10, new Headers());
    pace.answered(pace.sending(), 20, undefined);
    expect(pace.read()).toEqual({ ratePerSec: 50, requestMs: 12 });
  });

  it('when an answer says 5 remain for 2 s, then every request sent after it counts against them', () => {
    const { pace, advance } = tracker();
    const first = pace.sending();
    pace.sending(); // in flight when the first answer came: it may or may not be counted in it
    pace.answered(first, 5, rateHeaders('5', '2'));
    expect(pace.budget()).toEqual({ remaining: 4, resetInMs: 2000 });
    for (let i = 0; i < 4; i += 1) pace.sending();
    advance(500);
    expect(pace.budget()).toEqual({ remaining: 0, resetInMs: 1500 });
    expect(pace.waitMs()).toBe(1500);
  });

  it('when the reset passes, then the budget is forgotten and sends go again', () => {
    const { pace, advance } = tracker();
    pace.answered(pace.sending(), 5, rateHeaders('0', '1'));
    expect(pace.waitMs()).toBe(1000);
    advance(1000);
    expect(pace.budget()).toBeUndefined();
    expect(pace.waitMs()).toBe(0);
  });

  it('when answers arrive out of order, then the reading of the request sent last wins', () => {
    const { pace } = tracker();
    const older = pace.sending();
    const newer = pace.sending();
    pace.answered(newer, 5, rateHeaders('40', '1'));
    pace.answered(older, 5, rateHeaders('90', '1'));
    expect(pace.budget()?.remaining).toBe(40);
  });

  it('when the reset is an epoch second (SendGrid) or the time unit is scaled (tests), then the wait follows', () => {
    const { pace } = tracker();
    pace.answered(pace.sending(), 5, rateHeaders('0', String((Date.UTC(2026, 10, 23, 12) + 3000) / 1000)));
    expect(pace.waitMs()).toBe(3000);
    const scaled = tracker(10).pace;
    scaled.answered(scaled.sending(), 5, rateHeaders('0', '2'));
    expect(scaled.waitMs()).toBe(20);
  });

  it.each(['', 'many', '-1', '2.5'])(
    'when x-ratelimit-remaining is %j, then the answer gives no budget',
    (remaining) => {
      const { pace } = tracker();
      pace.answered(pace.sending(), 5, rateHeaders(remaining, '1'));
      expect(pace.budget()).toBeUndefined();
    },
  );
});
