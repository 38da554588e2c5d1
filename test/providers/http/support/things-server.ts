import nock from 'nock';
import { z } from 'zod';
import type { ProviderHttp } from '../../../../src/providers/http/types.js';
import { BASE } from './harness.js';

export const thingSchema = z.object({ data: z.object({ id: z.string() }) });

/**
 * nock answering `GET /v2/things/<n>`: 429 (with `retryAfter` seconds) to the first `rejectFirst`
 * requests, then 200. `arrivals` holds when each request reached the server (performance.now()).
 */
export function thingsServer(rejectFirst: number, retryAfter: string) {
  const arrivals: number[] = [];
  nock(BASE)
    .get(/\/v2\/things\/\d+/)
    .times(100)
    .reply(() => {
      arrivals.push(performance.now());
      return arrivals.length <= rejectFirst
        ? [429, { errors: [{ code: '10011' }] }, { 'retry-after': retryAfter }]
        : [200, { data: { id: 'x' } }];
    });
  return { arrivals };
}

/** `count` concurrent GETs of different things. */
export function getThings(http: ProviderHttp, count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      http.request({ method: 'GET', path: `/things/${i}`, schema: thingSchema, operation: 'get thing' }),
    ),
  );
}

/** The most events in any half-open window [t, t + width). */
export function busiestWindow(times: number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((start, i) => sorted.slice(i).filter((t) => t - start < width).length));
}
