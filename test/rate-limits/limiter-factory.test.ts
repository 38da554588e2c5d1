import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLimiterFactory, type LimiterFactory } from '../../src/rate-limits/limiter-factory.js';
import { makeHttp } from '../providers/http/support/harness.js';
import { busiestWindow, getThings, thingsServer } from '../providers/http/support/things-server.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether something accepts a TCP connection on 127.0.0.1:6379 within 300 ms. */
function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 6379, timeout: 300 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

const redisUp = await redisAnswers();
if (!redisUp) console.warn('Redis limiter tests skipped: nothing answers on 127.0.0.1:6379');

const opened: LimiterFactory[] = [];
function factory(options: Parameters<typeof createLimiterFactory>[0] = {}): LimiterFactory {
  const f = createLimiterFactory(options);
  opened.push(f);
  return f;
}

afterEach(async () => {
  nock.cleanAll();
  await Promise.all(opened.splice(0).map((f) => f.close()));
});

describe('createLimiterFactory in process', () => {
  it('when the same key is asked for twice, then the same limiter comes back; another key gets its own', () => {
    const f = factory();
    expect(f.get('telnyx:a', 10)).toBe(f.get('telnyx:a', 10));
    expect(f.get('telnyx:b', 10)).not.toBe(f.get('telnyx:a', 10));
    expect(f.clustered).toBe(false);
  });

  it('when jobs wait behind busy slots, then queued() reports them per key', async () => {
    const f = factory({ timeUnitMs: 1 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const limiter = f.get('twilio:x', 10); // at most 10 in flight (a 1 ms second: no wait between)
    const jobs = Array.from({ length: 12 }, () => limiter.schedule(() => gate));
    f.get('sendgrid:y', 5);
    await vi.waitFor(() => expect(f.queued()).toEqual({ 'twilio:x': 2, 'sendgrid:y': 0 }), { interval: 1 });
    release();
    await Promise.all(jobs);
    expect(f.queued()).toEqual({ 'twilio:x': 0, 'sendgrid:y': 0 });
  });

  it('when a key is paused, then nothing new starts until the pause ends', async () => {
    const f = factory({ timeUnitMs: 1 });
    const limiter = f.get('telnyx:p', 1000);
    f.pause('telnyx:p', 200);
    expect(f.pausedFor('telnyx:p')).toBeGreaterThan(0);
    let started = false;
    const job = limiter.schedule(async () => {
      started = true;
    });
    await sleep(50);
    expect(started).toBe(false);
    await job;
    expect(started).toBe(true);
    expect(f.pausedFor('telnyx:p')).toBe(0);
  });
});

/** A port on 127.0.0.1 that nothing listens on (one just given up by a server of ours). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('createLimiterFactory with an unreachable Redis', () => {
  it('when Redis does not answer, then ready() fails with limiter_unavailable and close() still returns', async () => {
    const f = createLimiterFactory({ redis: { url: `redis://127.0.0.1:${await closedPort()}` } });
    f.get('telnyx:down', 10);
    await expect(f.ready(150)).rejects.toMatchObject({ code: 'limiter_unavailable' });
    await f.close();
  });

  it('when no Redis is configured, then ready() resolves at once', async () => {
    await expect(factory().ready(1)).resolves.toBeUndefined();
  });
});

describe.skipIf(!redisUp)(
  `createLimiterFactory with Redis${redisUp ? '' : ' (skipped: nothing answers on 127.0.0.1:6379)'}`,
  () => {
    it('when two factories (two replicas) share Redis and a key, then together they keep one rate', async () => {
      const idPrefix = `reclaim-test-${randomUUID()}`;
      const rate = 5;
      const unit = 200; // real ms per provider second: one start every 40 ms across both
      const a = factory({ redis: { url: REDIS_URL }, timeUnitMs: unit, idPrefix });
      const b = factory({ redis: { url: REDIS_URL }, timeUnitMs: unit, idPrefix });
      expect(a.clustered).toBe(true);
      await Promise.all([a.ready(), b.ready()]);
      const starts: number[] = [];
      const run = (f: LimiterFactory) =>
        Array.from({ length: 10 }, () =>
          f.get('telnyx:shared', rate).schedule(async () => {
            starts.push(performance.now());
          }),
        );
      await Promise.all([...run(a), ...run(b)]);
      expect(starts).toHaveLength(20);
      // Two allowed for timer and Redis round-trip jitter; two unshared limiters would reach 2 × rate.
      expect(busiestWindow(starts, unit)).toBeLessThanOrEqual(rate + 2);
    });

    it('when given a client, then the factory works on its own duplicate and close() leaves the client open', async () => {
      const client = new Redis(REDIS_URL);
      try {
        const f = createLimiterFactory({ redis: { client }, idPrefix: `reclaim-test-${randomUUID()}` });
        await f.get('twilio:c', 100).schedule(async () => 'done');
        await f.close();
        await expect(client.ping()).resolves.toBe('PONG');
      } finally {
        client.disconnect();
      }
    });

    it('when a 429 pauses a clustered limiter, then the paused requests all complete once it lifts', async () => {
      const limiters = factory({
        redis: { url: REDIS_URL },
        timeUnitMs: 1,
        idPrefix: `reclaim-test-${randomUUID()}`,
      });
      const server = thingsServer(1, '20');
      const h = makeHttp({ limiters, ratePerSec: 100 });
      await expect(getThings(h.http, 4)).resolves.toHaveLength(4);
      expect(server.arrivals).toHaveLength(5);
      expect(h.recorded.rateLimited).toEqual([
        expect.objectContaining({ retryAfterMs: 20_000, delayMs: 20 }),
      ]);
    });
  },
);
