import { describe, expect, it } from 'vitest';
import type { AttemptFailure } from '../../../src/providers/http/attempt-failure.js';
import { decideRetry, type RetryState } from '../../../src/providers/http/decide-retry.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const policy = { maxRetries: 3, budgetMs: 10_000, backoffMs: (n: number) => 100 * 2 ** (n - 1) };
const http = (status: number, headers: Record<string, string> = {}): AttemptFailure => ({
  kind: 'http',
  status,
  headers: new Headers(headers),
  text: '',
});
const timeout: AttemptFailure = { kind: 'timeout' };
const refused: AttemptFailure = { kind: 'network', code: 'ECONNREFUSED', notSent: true };
const reset: AttemptFailure = { kind: 'network', code: 'ECONNRESET', notSent: false };
const fresh = (method: RetryState['method']): RetryState => ({ method, retries: 0, waitedMs: 0 });
const at = (retries: number, waitedMs: number): RetryState => ({ method: 'GET', retries, waitedMs });

describe('decideRetry', () => {
  it.each([
    [
      'GET 429 with Retry-After',
      http(429, { 'retry-after': '2' }),
      fresh('GET'),
      { retry: true, reason: 'rate_limited', waitMs: 2000 },
    ],
    [
      'PATCH 429 (never processed)',
      http(429),
      fresh('PATCH'),
      { retry: true, reason: 'rate_limited', waitMs: 100 },
    ],
    ['GET 503', http(503), fresh('GET'), { retry: true, reason: 'server_error', waitMs: 100 }],
    [
      'GET 503 with Retry-After',
      http(503, { 'retry-after': '1' }),
      fresh('GET'),
      { retry: true, reason: 'server_error', waitMs: 1000 },
    ],
    ['POST 503', http(503), fresh('POST'), { retry: false, reason: 'server_error', why: 'unsafe_write' }],
    ['GET timeout', timeout, fresh('GET'), { retry: true, reason: 'timeout', waitMs: 100 }],
    ['DELETE timeout', timeout, fresh('DELETE'), { retry: false, reason: 'timeout', why: 'unsafe_write' }],
    ['PUT refused (never sent)', refused, fresh('PUT'), { retry: true, reason: 'network', waitMs: 100 }],
    [
      'PATCH reset (maybe sent)',
      reset,
      fresh('PATCH'),
      { retry: false, reason: 'network', why: 'unsafe_write' },
    ],
    ['GET reset', reset, fresh('GET'), { retry: true, reason: 'network', waitMs: 100 }],
    ['GET 401', http(401), fresh('GET'), { retry: false, reason: 'final', why: 'final' }],
    ['GET 422', http(422), fresh('GET'), { retry: false, reason: 'final', why: 'final' }],
    ['GET 503, third retry', http(503), at(2, 300), { retry: true, reason: 'server_error', waitMs: 400 }],
    [
      'GET 503, out of retries',
      http(503),
      at(3, 700),
      { retry: false, reason: 'server_error', why: 'retries_exhausted' },
    ],
    [
      'GET 503, out of budget',
      http(503),
      at(1, 9950),
      { retry: false, reason: 'server_error', why: 'budget_exhausted' },
    ],
    [
      'GET 429 asking beyond the budget',
      http(429, { 'retry-after': '60' }),
      fresh('GET'),
      { retry: false, reason: 'rate_limited', why: 'budget_exhausted', waitMs: 60_000 },
    ],
    [
      'GET 429, out of retries',
      http(429, { 'x-ratelimit-reset': '1' }),
      at(3, 0),
      { retry: false, reason: 'rate_limited', why: 'retries_exhausted', waitMs: 1000 },
    ],
  ])('when %s, then the decision is as expected', (_name, failure, state, expected) => {
    expect(decideRetry(failure, state, policy, NOW)).toEqual(expected);
  });
});
