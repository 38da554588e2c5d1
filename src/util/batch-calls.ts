// Group commit: calls made while a batch is being written wait, and go together in the next one.

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * One function of one item built from one of many: `flush` gets the items, in call order, and
 * returns one result per item in that order. A call made while no batch is being written starts
 * one; calls made while one is, wait for it and form the next, so at a low rate each item goes
 * alone and at once, and at a high rate batches grow to what the writer keeps up with (at most
 * `maxBatch`). A batch that throws rejects each of its calls. Each batch is taken after the event
 * loop's pending I/O was handled (`setImmediate`): an embedded database (PGlite) answers on this
 * thread without letting I/O in, so answers that arrived meanwhile still join the batch. With
 * `lingerMs` above 0 (asked before each batch), a batch not yet full waits that long for more.
 */
export function batchCalls<T, R>(
  flush: (items: T[]) => Promise<R[]>,
  options: { maxBatch?: number; lingerMs?: () => number } = {},
): (item: T) => Promise<R> {
  const maxBatch = Math.max(1, options.maxBatch ?? 500);
  const linger = options.lingerMs ?? (() => 0);
  const queue: Waiting<T, R>[] = [];
  let writing = false;

  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const ms = queue.length < maxBatch ? linger() : 0;
      await (ms > 0 ? wait(ms) : nextTurn());
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await flush(batch.map((w) => w.item));
        for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (writing) return;
      writing = true;
      void drain();
    });
}
