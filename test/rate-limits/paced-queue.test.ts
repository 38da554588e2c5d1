// The in-process limiter: paced starts on an absolute schedule that catches up after a stall, priorities, a concurrency cap, holds.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacedQueue } from '../../src/rate-limits/paced-queue.js';

/**
 * A queue on a clock the test moves (and timers it runs): `tick(ms)` lets time pass with the event
 * loop free; `stall(ms)` lets it pass with the loop busy (no timer fires), as when PGlite answers a
 * big batch on this thread. `starts` holds each job's start on that clock.
 */
function clocked(ratePerSec: number, jobs: number) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let now = 0;
  const queue = new PacedQueue({ ratePerSec, maxConcurrent: 100, now: () => now });
  const starts: number[] = [];
  const all = Promise.all(Array.from({ length: jobs }, () => queue.schedule(async () => starts.push(now))));
  return {
    starts,
    all,
    async tick(ms: number) {
      for (let i = 0; i < ms; i += 1) {
        now += 1;
        await vi.advanceTimersByTimeAsync(1);
      }
    },
    stall(ms: number) {
      now += ms;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PacedQueue', () => {
  it('when jobs wait, then they start one pace apart on a schedule, never faster', async () => {
    const q = clocked(100, 16); // one every 10 ms
    await q.tick(200);
    await q.all;
    // After idle, 50 ms' worth may go at once: the first 6; then one every 10 ms.
    expect(q.starts).toEqual([0, 0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('when the event loop stalls, then the starts it held back follow at once and the schedule is kept', async () => {
    const q = clocked(100, 16);
    await q.tick(25);
    q.stall(40); // the clock goes 25 → 65 with no timer run: the starts due at 30…60 cannot happen
    await q.tick(100);
    await q.all;
    // The timer due at 30 fires at 70: the four held back go at once with the one due then.
    expect(q.starts).toEqual([0, 0, 0, 0, 0, 0, 10, 20, 70, 70, 70, 70, 70, 80, 90, 100]);
  });

  it('when the loop stalls longer than the catch-up allows, then only 50 ms of it is made up', async () => {
    const q = clocked(100, 14);
    await q.tick(5);
    q.stall(200); // 5 → 205, no timer run
    await q.tick(60);
    await q.all;
    const resumed = q.starts[6]!;
    expect(resumed).toBeGreaterThanOrEqual(205);
    // Six at once (50 ms' worth and the one due), not the twenty the 200 ms held; then the pace.
    expect(q.starts.slice(6).map((t) => t - resumed)).toEqual([0, 0, 0, 0, 0, 0, 10, 20]);
  });

  it('when several priorities wait, then the lower number goes first', async () => {
    const queue = new PacedQueue({ ratePerSec: 1000, maxConcurrent: 1 });
    const order: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const first = queue.schedule(() => gate);
    const jobs = [
      queue.schedule({ priority: 5 }, async () => order.push('new a')),
      queue.schedule({ priority: 4 }, async () => order.push('retry')),
      queue.schedule({ priority: 5 }, async () => order.push('new b')),
    ];
    expect(queue.queued()).toBe(3);
    release();
    await Promise.all([first, ...jobs]);
    expect(order).toEqual(['retry', 'new a', 'new b']);
  });

  it('when jobs take long, then no more than maxConcurrent run at once', async () => {
    const queue = new PacedQueue({ ratePerSec: 10_000, maxConcurrent: 3 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        queue.schedule(async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(5);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('when held, then nothing new starts until it is let go; a failing job rejects its caller only', async () => {
    const queue = new PacedQueue({ ratePerSec: 1000, maxConcurrent: 5 });
    queue.setHeld(true);
    let started = false;
    const job = queue.schedule(async () => {
      started = true;
    });
    const failing = queue.schedule(async () => {
      throw new Error('boom');
    });
    await sleep(30);
    expect(started).toBe(false);
    queue.setHeld(false);
    await job;
    await expect(failing).rejects.toThrow('boom');
    expect(started).toBe(true);
  });
});
