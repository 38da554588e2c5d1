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
});
