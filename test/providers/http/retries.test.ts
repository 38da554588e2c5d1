import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HttpMethod } from '../../../src/providers/http/types.js';
import { BASE, makeHttp, rejection } from './support/harness.js';

const ok = z.object({ data: z.object({ id: z.string() }) });
const OK_BODY = { data: { id: '1' } };
const NOW = Date.parse('2025-03-01T12:00:00Z');

function call(http: ReturnType<typeof makeHttp>['http'], method: HttpMethod = 'GET') {
  return http.request({
    method,
    path: '/things/1',
    schema: ok,
    operation: `${method.toLowerCase()} thing`,
    ...(method === 'GET' ? {} : { body: { json: { active: false } } }),
  });
}

afterEach(() => {
  nock.cleanAll();
});

describe('createProviderHttp retries: 429', () => {
  it.each([
    ['Retry-After in seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(NOW + 3000).toUTCString() }, 3000],
    ['x-ratelimit-reset in seconds (Telnyx)', { 'x-ratelimit-reset': '4' }, 4000],
    ['x-ratelimit-reset as an epoch (SendGrid)', { 'x-ratelimit-reset': String(NOW / 1000 + 5) }, 5000],
    ['no header: backoff with jitter', {}, 375],
  ])(
    'when a 429 carries %s, then the handler waits that long in time units and the retry succeeds',
    async (_name, headers, nominal) => {
      const scope = nock(BASE)
        .get('/v2/things/1')
        .reply(429, {}, headers)
        .get('/v2/things/1')
        .reply(200, OK_BODY);
      const h = makeHttp();
      await expect(call(h.http)).resolves.toMatchObject({ data: OK_BODY });
      scope.done();
      expect(h.recorded.retries).toEqual([
        expect.objectContaining({
          reason: 'rate_limited',
          retry: 1,
          nominalDelayMs: nominal,
          delayMs: Math.round(nominal / 1000),
        }),
      ]);
      expect(h.recorded.rateLimited).toEqual([expect.objectContaining({ retryAfterMs: nominal })]);
      expect(h.recorded.finished.map((f) => f.status)).toEqual([429, 200]);
    },
  );

  it('when a write gets 429, then it is repeated (a 429 was not processed)', async () => {
    const scope = nock(BASE).patch('/v2/things/1').reply(429).patch('/v2/things/1').reply(200, OK_BODY);
    const h = makeHttp();
    await expect(call(h.http, 'PATCH')).resolves.toMatchObject({ status: 200 });
    scope.done();
  });

  it('when 429 outlasts maxRetries, then provider_rate_limited carries the wait asked for', async () => {
    nock(BASE)
      .get('/v2/things/1')
      .times(3)
      .reply(429, { errors: [{ code: '10011', detail: 'Too many' }] }, { 'retry-after': '1' });
    const h = makeHttp({ retry: { maxRetries: 2 } });
    const err = await rejection(call(h.http));
    expect(err).toMatchObject({
      code: 'provider_rate_limited',
      status: 429,
      retryAfterMs: 1000,
      outcomeUnknown: false,
    });
    expect((err as Error).message).toBe(
      'Telnyx kept rate-limiting "get thing" (429 10011: Too many) after 3 attempts; it asked to wait 1 s.',
    );
    expect(h.recorded.finished).toHaveLength(3);
  });
});

describe('createProviderHttp retries: 5xx, timeouts and the network', () => {
  it('when a GET gets 5xx twice, then it backs off exponentially and succeeds on the third attempt', async () => {
    const scope = nock(BASE).get('/v2/things/1').times(2).reply(503).get('/v2/things/1').reply(200, OK_BODY);
    const h = makeHttp();
    await expect(call(h.http)).resolves.toMatchObject({ status: 200 });
    scope.done();
    expect(h.recorded.retries.map((r) => [r.reason, r.nominalDelayMs])).toEqual([
      ['server_error', 375],
      ['server_error', 750],
    ]);
  });

  it('when 5xx persists past the budget, then provider_unavailable, and no retry exceeds the budget', async () => {
    nock(BASE)
      .get('/v2/things/1')
      .times(4)
      .reply(502, { errors: [{ code: '90000', detail: 'Bad gateway' }] });
    const h = makeHttp({ retry: { maxRetries: 10, budgetMs: 3000 } });
    const err = await rejection(call(h.http));
    expect(err).toMatchObject({ code: 'provider_unavailable', status: 502, outcomeUnknown: false });
    expect((err as Error).message).toBe(
      'Telnyx failed to get thing (502 90000: Bad gateway) after 4 attempts.',
    );
    // 375 + 750 + 1500 = 2625 fits in 3000; the next (3000) would not.
    expect(h.recorded.retries.map((r) => r.nominalDelayMs)).toEqual([375, 750, 1500]);
  });

  it.each(['POST', 'PATCH', 'DELETE'] as const)(
    'when a %s gets 5xx, then it is not repeated and the outcome is unknown',
    async (method) => {
      nock(BASE).intercept('/v2/things/1', method).reply(500);
      const h = makeHttp();
      const err = await rejection(call(h.http, method));
      expect(err).toMatchObject({ code: 'provider_unavailable', status: 500, outcomeUnknown: true });
      expect((err as Error).message).toContain('read it back before trying again');
      expect(h.recorded.finished).toHaveLength(1);
    },
  );

  it('when a POST times out, then it is not repeated, and provider_timeout says the outcome is unknown', async () => {
    nock(BASE).post('/v2/things/1').delay(500).reply(200, OK_BODY).post('/v2/things/1').reply(200, OK_BODY);
    const h = makeHttp({ timeoutMs: 30 });
    const err = await rejection(call(h.http, 'POST'));
    expect(err).toMatchObject({ code: 'provider_timeout', status: null, outcomeUnknown: true });
    expect(h.recorded.finished.map((f) => f.status)).toEqual(['error']);
    expect(h.recorded.retries).toEqual([]);
  });

  it('when a GET times out once, then it is retried and succeeds', async () => {
    nock(BASE).get('/v2/things/1').delay(500).reply(200, OK_BODY).get('/v2/things/1').reply(200, OK_BODY);
    const h = makeHttp({ timeoutMs: 30 });
    await expect(call(h.http)).resolves.toMatchObject({ status: 200 });
    expect(h.recorded.retries.map((r) => r.reason)).toEqual(['timeout']);
  });

  it('when a write meets ECONNREFUSED, then it is repeated (it never reached the server)', async () => {
    const scope = nock(BASE)
      .patch('/v2/things/1')
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })
      .patch('/v2/things/1')
      .reply(200, OK_BODY);
    const h = makeHttp();
    await expect(call(h.http, 'PATCH')).resolves.toMatchObject({ status: 200 });
    scope.done();
    expect(h.recorded.retries.map((r) => r.reason)).toEqual(['network']);
  });

  it('when a write meets ECONNRESET, then it is not repeated and the outcome is unknown', async () => {
    nock(BASE).patch('/v2/things/1').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const h = makeHttp();
    const err = await rejection(call(h.http, 'PATCH'));
    expect(err).toMatchObject({ code: 'provider_unavailable', outcomeUnknown: true });
    expect((err as Error).message).toMatch(/^Could not reach Telnyx to patch thing \(ECONNRESET\); /);
  });

  it.each([401, 403])(
    'when the provider answers %i, then provider_auth_failed without a retry',
    async (status) => {
      nock(BASE)
        .get('/v2/things/1')
        .reply(status, { errors: [{ code: '10009', title: 'Authentication failed' }] });
      const h = makeHttp();
      const err = await rejection(call(h.http));
      expect(err).toMatchObject({ code: 'provider_auth_failed', status, providerCode: '10009' });
      expect((err as Error).message).toBe(
        `Telnyx rejected our API credentials when asked to get thing (${status} 10009: Authentication failed).`,
      );
      expect(h.recorded.finished).toHaveLength(1);
    },
  );
});
