// The rate headers hold the client back: nothing is sent past x-ratelimit-remaining before x-ratelimit-reset.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { limiterKey } from '../../../src/providers/http/create-provider-http.js';
import { BASE, makeHttp } from './support/harness.js';
import { getThings, thingSchema } from './support/things-server.js';

afterEach(() => {
  nock.cleanAll();
});

/** nock answering GET /v2/things/<n> with a window of `limit` requests that resets `resetSeconds` after each answer. */
function windowServer(limit: number, resetSeconds: string) {
  const arrivals: number[] = [];
  let rejected = 0;
  nock(BASE)
    .get(/\/v2\/things\/\d+/)
    .times(100)
    .reply(() => {
      arrivals.push(performance.now());
      const remaining = limit - arrivals.length;
      const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-reset': resetSeconds };
      if (remaining < 0) {
        rejected += 1;
        return [429, { errors: [{ code: '10011' }] }, { ...headers, 'x-ratelimit-remaining': '0' }];
      }
      return [200, { data: { id: 'x' } }, { ...headers, 'x-ratelimit-remaining': String(remaining) }];
    });
  return { arrivals, rejected: () => rejected };
}

describe('createProviderHttp and the rate headers', () => {
  it('when an answer says nothing remains before the reset, then the next request waits for the reset instead of meeting a 429', async () => {
    // 1,000/s at 100 ms per provider second: the pace alone would send one every 0.1 ms.
    const server = windowServer(2, '1');
    const h = makeHttp({ timeUnitMs: 100 });
    const get = (i: number) =>
      h.http.request({ method: 'GET', path: `/things/${i}`, schema: thingSchema, operation: 'get thing' });
    await get(1);
    const second = await get(2);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    const answered = performance.now();
    server.arrivals.length = 0; // the provider's window resets: two more allowed
    await get(3);
    expect(server.arrivals[0]! - answered).toBeGreaterThanOrEqual(90); // the reset: 1 s = 100 ms
    expect(server.rejected()).toBe(0);
    expect(h.recorded.rateLimited).toEqual([]);
  });

  it('when answers carry rate headers, then the account’s pace shows the budget they leave', async () => {
    windowServer(50, '1');
    const h = makeHttp({ account: 'pace-test', timeUnitMs: 1000 });
    await getThings(h.http, 3);
    const reading = h.limiters.pace(limiterKey('telnyx', 'pace-test'))?.read();
    expect(reading).toMatchObject({ ratePerSec: 1000, budget: { remaining: 47 } });
    expect(reading?.requestMs).toBeGreaterThanOrEqual(0);
  });
});
