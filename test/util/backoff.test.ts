import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../../src/util/backoff.js';

describe('exponentialBackoff', () => {
  it.each([
    { attempt: 1, random: 0, expected: 500 },
    { attempt: 1, random: 0.999_999, expected: 1_000 },
    { attempt: 2, random: 0, expected: 1_000 },
    { attempt: 3, random: 0.5, expected: 3_000 },
    { attempt: 5, random: 0, expected: 8_000 },
    { attempt: 0, random: 0, expected: 500 },
    { attempt: 20, random: 0, expected: 150_000 },
    { attempt: 20, random: 0.999_999, expected: 300_000 },
    { attempt: 10_000, random: 0.999_999, expected: 300_000 },
  ])(
    'when attempt $attempt fails with jitter draw $random, then the delay is $expected ms',
    ({ attempt, random, expected }) => {
      const backoff = exponentialBackoff({ random: () => random });
      expect(backoff(attempt)).toBe(expected);
    },
  );

  it('when base and cap are given, then they replace the defaults', () => {
    const backoff = exponentialBackoff({ baseMs: 10, capMs: 50, random: () => 0.999_999 });
    expect([1, 2, 3, 4, 5].map(backoff)).toEqual([10, 20, 40, 50, 50]);
  });

  it('when drawn with the real random source, then the delay stays within half and all of the nominal one', () => {
    const backoff = exponentialBackoff();
    for (let i = 0; i < 200; i += 1) {
      const delay = backoff(4);
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });
});
