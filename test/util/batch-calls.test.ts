// Group commit: one call alone goes at once; calls made while a batch is written go together in the next.
import { describe, expect, it } from 'vitest';
import { batchCalls } from '../../src/util/batch-calls.js';

function recorder(options: { failWhen?: (items: number[]) => boolean; maxBatch?: number } = {}) {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  let held = false;
  const call = batchCalls<number, string>(
    async (items) => {
      batches.push(items);
      if (held) await new Promise<void>((r) => (release = r));
      if (options.failWhen?.(items)) throw new Error(`batch ${items.join(',')} failed`);
      return items.map((i) => `r${i}`);
    },
    options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch },
  );
  return {
    call,
    batches,
    hold: () => (held = true),
    release: () => {
      held = false;
      release?.();
    },
  };
}

describe('batchCalls', () => {
  it('when calls come one after another, then each is its own batch and gets its own result', async () => {
    const r = recorder();
    expect(await r.call(1)).toBe('r1');
    expect(await r.call(2)).toBe('r2');
    expect(r.batches).toEqual([[1], [2]]);
  });

  it('when calls arrive while a batch is being written, then they form the next batch, in call order', async () => {
    const r = recorder();
    r.hold();
    const first = r.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [r.call(2), r.call(3), r.call(4)];
    r.release();
    expect(await Promise.all([first, ...later])).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('when more wait than a batch may hold, then they go in batches of at most that many', async () => {
    const r = recorder({ maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => r.call(i)));
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('when a batch throws, then each of its calls rejects and the next batch still runs', async () => {
    const r = recorder({ failWhen: (items) => items.includes(2) });
    r.hold();
    const first = r.call(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const failing = [r.call(2), r.call(3)];
    r.release();
    expect(await first).toBe('r1');
    for (const p of failing) await expect(p).rejects.toThrow('batch 2,3 failed');
    expect(await r.call(4)).toBe('r4');
  });
});
