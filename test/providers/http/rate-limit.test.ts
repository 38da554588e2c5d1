import { setTimeout as sleep } from 'node:timers/promises';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeHttp } from './support/harness.js';
import { busiestWindow, getThings, thingsServer } from './support/things-server.js';

afterEach(() => {
  nock.cleanAll();
});

describe('createProviderHttp rate limiting', () => {
  it('when the server answers 429 to the first requests of a burst, then the client never exceeds the configured rate', async () => {
    const rate = 4;
    const unit = 100; // real ms per provider second: the pace is one request per 25 ms
    const server = thingsServer(5, '1');
    const h = makeHttp({ ratePerSec: rate, timeUnitMs: unit });

    await expect(getThings(h.http, 12)).resolves.toHaveLength(12);

    expect(server.arrivals).toHaveLength(12 + 5);
    expect(h.recorded.rateLimited).toHaveLength(5);
    // Paced at `rate` per unit; one more allowed for timer jitter. Unpaced, all 12 would land at once.
    expect(busiestWindow(server.arrivals, unit)).toBeLessThanOrEqual(rate + 1);
  });

  it('when a 429 arrives, then requests queued behind it wait out the pause instead of meeting 429s too', async () => {
    const server = thingsServer(1, '3');
    // 10/s at 300 ms per second: one request every 30 ms; the 429 asks for 3 s = 900 ms.
    const h = makeHttp({ ratePerSec: 10, timeUnitMs: 300 });

    const all = getThings(h.http, 5);
    await vi.waitFor(() => expect(h.recorded.rateLimited).toHaveLength(1), { interval: 1, timeout: 5_000 });
    // Under load a request the limiter released before the 429 was seen can still be on its way;
    // that one was not queued behind it. Let those land, then no new arrival may come in the pause.
    await sleep(50);
    const beforePause = server.arrivals.length;
    expect(beforePause).toBeLessThanOrEqual(3);
    await sleep(150); // five request slots' worth, still well inside the 900 ms pause
    expect(server.arrivals).toHaveLength(beforePause);
    await all;
    expect(server.arrivals).toHaveLength(6);
    expect(h.recorded.rateLimited).toEqual([expect.objectContaining({ retryAfterMs: 3000, delayMs: 900 })]);
  });
});
