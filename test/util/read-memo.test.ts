import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadMemo } from '../../src/util/read-memo.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('read memo', () => {
  it('when two callers ask for the same key while the read is in flight, then the provider is read once', async () => {
    const memo = createReadMemo(1_000);
    let reads = 0;
    let finish: (v: string) => void = () => undefined;
    const read = () => {
      reads += 1;
      return new Promise<string>((r) => {
        finish = r;
      });
    };
    const [a, b] = [memo.once('k', read), memo.once('k', read)];
    finish('listing');
    expect(await a).toBe('listing');
    expect(await b).toBe('listing');
    expect(reads).toBe(1);
  });

  it('when the keys of a prefix are forgotten, then they are read afresh, other keys are kept and a read in flight still answers', async () => {
    const memo = createReadMemo(60_000);
    let reads = 0;
    const read = async () => ++reads;
    expect(await memo.once('inc-1:numbers', read)).toBe(1);
    expect(await memo.once('inc-2:numbers', read)).toBe(2);
    let finish: (v: string) => void = () => undefined;
    const flying = memo.once('inc-1:audit', () => new Promise<string>((r) => (finish = r)));
    memo.forget('inc-1:');
    expect(memo.size()).toBe(1);
    finish('audit');
    expect(await flying).toBe('audit');
    expect(await memo.once('inc-1:numbers', read)).toBe(3);
    expect(await memo.once('inc-2:numbers', read)).toBe(2);
  });

  it('when keepMs has passed since the read resolved, then the next caller reads afresh and nothing is held', async () => {
    vi.useFakeTimers();
    const memo = createReadMemo(1_000);
    let reads = 0;
    const read = async () => ++reads;
    expect(await memo.once('k', read)).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(await memo.once('k', read)).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(memo.size()).toBe(0);
    expect(await memo.once('k', read)).toBe(2);
  });

  it('when the read fails, then the callers in flight see the error and the next caller reads again', async () => {
    const memo = createReadMemo(60_000);
    let reads = 0;
    const failing = async () => {
      reads += 1;
      throw new Error('429');
    };
    const [a, b] = [memo.once('k', failing), memo.once('k', failing)];
    await expect(a).rejects.toThrow('429');
    await expect(b).rejects.toThrow('429');
    expect(reads).toBe(1);
    expect(await memo.once('k', async () => 'fresh')).toBe('fresh');
  });

  it('when the keys differ, then each is read on its own', async () => {
    const memo = createReadMemo(60_000);
    expect(await memo.once('a', async () => 'A')).toBe('A');
    expect(await memo.once('b', async () => 'B')).toBe('B');
  });
});
