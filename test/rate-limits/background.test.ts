import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProviderHttp } from '../../src/providers/http/index.js';
import { inBackground, PRIORITY, urgently } from '../../src/rate-limits/index.js';
import { createLimiterFactory } from '../../src/rate-limits/limiter-factory.js';
import { silentLogger } from '../../src/util/logger.js';

/** A provider that answers at once and records the order in which requests reached it. */
function recordingHttp() {
  const order: string[] = [];
  const http = createProviderHttp({
    provider: 'telnyx',
    account: 'priority-test',
    baseUrl: 'https://api.example.invalid/v2',
    auth: { bearer: 'KEY' },
    ratePerSec: 20,
    logger: silentLogger(),
    limiters: createLimiterFactory({ logger: silentLogger() }),
    fetch: async (url) => {
      order.push(new URL(url).searchParams.get('who') ?? '?');
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  const get = (who: string) =>
    http.request({ method: 'GET', path: '/balance', query: { who }, schema: z.unknown(), operation: 'read' });
  return { order, get };
}

describe('background work on the provider limiter (the watch)', () => {
  it('when an incident queues requests while the watch waits for its own, then every incident request goes first', async () => {
    const { order, get } = recordingHttp();
    const watch = inBackground(() => Promise.all(Array.from({ length: 6 }, (_, i) => get(`watch-${i}`))));
    const incident = Promise.all(Array.from({ length: 6 }, (_, i) => get(`incident-${i}`)));
    await Promise.all([watch, incident]);
    // The watch's first requests start while nothing else waits (an idle limiter lets a short
    // burst through); from the moment the incident's wait, its six go first, then the rest of the watch's.
    const firstIncident = order.indexOf('incident-0');
    expect(firstIncident).toBeLessThanOrEqual(3);
    expect(order.slice(firstIncident + 6).every((w) => w.startsWith('watch-'))).toBe(true);
    expect(order.slice(firstIncident, firstIncident + 6)).toEqual(
      Array.from({ length: 6 }, (_, i) => `incident-${i}`),
    );
    expect(order).toHaveLength(12);
  });

  it('when no incident waits, then background requests run at the same pace (they are not starved)', async () => {
    const { order, get } = recordingHttp();
    await inBackground(() => Promise.all([get('a'), get('b'), get('c')]));
    expect(order).toEqual(['a', 'b', 'c']);
    expect(PRIORITY.background).toBeGreaterThan(PRIORITY.first);
  });

  it("when Contain now queues requests behind an incident's discovery and the watch, then its requests go first", async () => {
    const { order, get } = recordingHttp();
    const watch = inBackground(() => Promise.all(Array.from({ length: 4 }, (_, i) => get(`watch-${i}`))));
    const incident = Promise.all(Array.from({ length: 6 }, (_, i) => get(`incident-${i}`)));
    const contain = urgently(() => Promise.all(Array.from({ length: 3 }, (_, i) => get(`contain-${i}`))));
    await Promise.all([watch, incident, contain]);
    // An idle limiter lets a short burst through first; from the moment Contain now waits, its three go next.
    const firstContain = order.indexOf('contain-0');
    expect(firstContain).toBeLessThanOrEqual(3);
    expect(order.slice(firstContain, firstContain + 3)).toEqual(['contain-0', 'contain-1', 'contain-2']);
    expect(order.slice(firstContain + 3).some((w) => w.startsWith('contain-'))).toBe(false);
    expect(order).toHaveLength(13);
    expect(PRIORITY.urgent).toBeLessThan(PRIORITY.retry);
  });
});
