import { describe, expect, it } from 'vitest';
import { rateLimitWaitMs } from '../../src/rate-limits/rate-limit-wait.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('rateLimitWaitMs', () => {
  it.each([
    ['Retry-After seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After fractional seconds', { 'retry-after': '0.25' }, 250],
    ['Retry-After HTTP date', { 'retry-after': 'Sat, 01 Mar 2025 12:00:07 GMT' }, 7000],
    ['Retry-After date in the past', { 'retry-after': 'Sat, 01 Mar 2025 11:59:00 GMT' }, 0],
    ['Telnyx x-ratelimit-reset (seconds until reset)', { 'x-ratelimit-reset': '30' }, 30_000],
    ['SendGrid x-ratelimit-reset (epoch seconds)', { 'x-ratelimit-reset': String(NOW / 1000 + 12) }, 12_000],
    ['epoch reset already past', { 'x-ratelimit-reset': String(NOW / 1000 - 5) }, 0],
    ['Retry-After wins over the reset header', { 'retry-after': '1', 'x-ratelimit-reset': '60' }, 1000],
    [
      'garbage Retry-After falls back to the reset header',
      { 'retry-after': 'soon', 'x-ratelimit-reset': '3' },
      3000,
    ],
    ['no header', {}, undefined],
    ['negative reset', { 'x-ratelimit-reset': '-4' }, undefined],
  ])('when the answer has %s, then the wait is %s ms', (_name, headers, expected) => {
    expect(rateLimitWaitMs(new Headers(headers), NOW)).toBe(expected);
  });
});
