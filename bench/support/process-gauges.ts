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

/** What resident memory was made of at its peak (MB): V8's heap, and outside it. */
export interface RssAtPeak {
  /** Seconds after watchRss() was called. */
  atS: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory V8 is told of outside its heap: WebAssembly memories (PGlite's) and ArrayBuffers. */
  external: number;
  /** Of `external`, ArrayBuffers and Buffers; the rest of it is mostly WebAssembly memory. */
  arrayBuffers: number;
}

/**
 * Samples RSS every 50 ms until the returned function is called; it returns the peak in MB.
 * `atPeak()` says what it was made of then (read at each new peak, so it costs nothing after).
 */
export function watchRss(): (() => number) & { atPeak(): RssAtPeak } {
  const started = performance.now();
  const mb = (n: number) => n / 2 ** 20;
  let peak = 0;
  let split: RssAtPeak | undefined;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss <= peak) return;
    peak = rss;
    const m = process.memoryUsage();
    split = {
      atS: (performance.now() - started) / 1000,
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    };
  };
  sample();
  const timer = setInterval(sample, 50);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    sample();
    return mb(peak);
  };
  return Object.assign(stop, { atPeak: () => split as RssAtPeak });
}

export const rssMb = (): number => process.memoryUsage.rss() / 2 ** 20;

/**
 * For `--trace`: `peak RSS 331 MB at 62.1 s = V8 heap 80 used of 95, ArrayBuffers 12, WebAssembly
 * memory 133 reserved, the rest 224`. V8 counts a WebAssembly memory (PGlite's) at its size, not
 * at the pages touched, so it is not taken from RSS: the rest is those pages, code, stacks and malloc.
 * (bench/scale, from /proc/self/smaps: PGlite's 128 MB memory had 30 MB resident at start and 39–67
 * MB at the peak.)
 */
export function describeRssAtPeak(p: RssAtPeak): string {
  const n = (x: number) => x.toFixed(0);
  const wasm = p.external - p.arrayBuffers;
  const rest = p.rss - p.heapTotal - p.arrayBuffers;
  return `peak RSS ${n(p.rss)} MB at ${p.atS.toFixed(1)} s = V8 heap ${n(p.heapUsed)} used of ${n(p.heapTotal)}, ArrayBuffers ${n(p.arrayBuffers)}, WebAssembly memory ${n(wasm)} reserved, the rest ${n(rest)} (its resident pages, code, stacks, malloc)`;
}
