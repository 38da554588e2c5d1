/**
 * Runs `work` over the items, starting them in order, with at most `limit` in flight: a number, or
 * a function asked again before each start (so the window can follow a pace that changes; below 1
 * counts as 1). When a `work` throws, nothing more starts; once those in flight settle, the first
 * error is thrown.
 */
export function inPool<T>(
  items: readonly T[],
  limit: number | (() => number),
  work: (item: T) => Promise<void>,
): Promise<void> {
  const window = typeof limit === 'function' ? limit : () => limit;
  let next = 0;
  let running = 0;
  let failed: { err: unknown } | undefined;
  return new Promise<void>((resolve, reject) => {
    const fill = () => {
      while (!failed && next < items.length && running < Math.max(1, window())) {
        const item = items[next] as T;
        next += 1;
        running += 1;
        Promise.resolve()
          .then(() => work(item))
          .then(
            () => undefined,
            (err: unknown) => {
              failed ??= { err };
            },
          )
          .finally(() => {
            running -= 1;
            fill();
          });
      }
      if (running > 0) return;
      if (failed) reject(failed.err);
      else if (next >= items.length) resolve();
    };
    fill();
  });
}
