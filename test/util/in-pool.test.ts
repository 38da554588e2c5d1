import { describe, expect, it } from 'vitest';
import { inPool } from '../../src/util/in-pool.js';

describe('inPool', () => {
  it.each([1, 3, 10])(
    'when the limit is %i, then never more are in flight, all run once, and they start in order',
    async (limit) => {
      const items = Array.from({ length: 7 }, (_, i) => i);
      let inFlight = 0;
      let most = 0;
      const started: number[] = [];
      await inPool(items, limit, async (i) => {
        started.push(i);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, (7 - i) % 3));
        inFlight -= 1;
      });
      expect(started).toEqual(items);
      expect(most).toBe(Math.min(limit, items.length));
    },
  );

  it('when there is nothing to do, then it resolves at once', async () => {
    await expect(inPool([], 4, async () => undefined)).resolves.toBeUndefined();
  });

  it('when the limit is a function, then it is asked before each start and the window follows it', async () => {
    let window = 2;
    let inFlight = 0;
    const most: number[] = [];
    await inPool(
      Array.from({ length: 12 }, (_, i) => i),
      () => window,
      async (i) => {
        inFlight += 1;
        most.push(inFlight);
        if (i === 3) window = 5;
        if (i === 8) window = 0; // below 1 counts as 1
        await new Promise((r) => setTimeout(r, 2));
        inFlight -= 1;
      },
    );
    expect(Math.max(...most.slice(0, 3))).toBeLessThanOrEqual(2);
    expect(Math.max(...most)).toBe(5);
    expect(most.at(-1)).toBe(1);
  });

  it('when one work throws, then nothing more starts and the first error comes back once the others settle', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = inPool([0, 1, 2, 3, 4, 5], 2, async (i) => {
      started.push(i);
      await new Promise((r) => setTimeout(r, i === 0 ? 1 : 10));
      settled += 1;
      if (i === 0) throw new Error('stop');
    });
    await expect(run).rejects.toThrow('stop');
    expect(started).toEqual([0, 1]);
    expect(settled).toBe(2);
  });
});
