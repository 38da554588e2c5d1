import { describe, expect, it } from 'vitest';
import { DOCUMENTED_RATES, maxConcurrentFor, rateFor } from '../../src/rate-limits/documented-rates.js';

describe('rateFor', () => {
  it.each([
    ['telnyx', undefined, DOCUMENTED_RATES.telnyx],
    ['twilio', undefined, DOCUMENTED_RATES.twilio],
    ['sendgrid', undefined, DOCUMENTED_RATES.sendgrid],
    ['telnyx', 2.5, 2.5],
    ['telnyx', 0, DOCUMENTED_RATES.telnyx],
    ['acme', undefined, 5],
  ])('when the provider is %s and the override %s, then the rate is %s/s', (provider, override, expected) => {
    expect(rateFor(provider, override)).toBe(expected);
  });
});

describe('maxConcurrentFor', () => {
  it.each([
    [0.5, 2],
    [5, 5],
    [10, 10],
    [20, 20],
    [100, 100],
    [200, 100],
  ])('when the rate is %s/s, then at most %s requests are in flight', (rate, expected) => {
    expect(maxConcurrentFor(rate)).toBe(expected);
  });
});
