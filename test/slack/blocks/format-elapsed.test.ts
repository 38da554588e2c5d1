import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../src/slack/blocks/format-elapsed.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 15, 12, 0) + minutes * 60_000);

describe('formatElapsed', () => {
  it.each([
    [0, '<1m'],
    [0.5, '<1m'],
    [1, '1m'],
    [59, '59m'],
    [60, '1h'],
    [72, '1h 12m'],
    [1439, '23h 59m'],
    [1440, '1d'],
    [1440 * 3 + 240 + 5, '3d 4h'],
    [-5, '<1m'],
  ])('when %i minutes have passed, then it reads %s', (minutes, expected) => {
    expect(formatElapsed(at(0), at(minutes))).toBe(expected);
  });
});
