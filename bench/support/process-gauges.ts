// What a bench reads of its own process: resident memory (its peak, sampled) after a full collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collects garbage now, three passes a turn apart: what PGlite's start-up left to collect (~200 MB
 * of buffers, released a turn after the objects holding them die) would otherwise count as the
 * memory of whatever the bench measures next, whenever V8 got round to it.
 */
export async function collectGarbage(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let pass = 0; pass < 3; pass += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Samples RSS every 50 ms until the returned function is called; it returns the peak in MB. */
export function watchRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 2 ** 20;
  };
}

export const rssMb = (): number => process.memoryUsage.rss() / 2 ** 20;
