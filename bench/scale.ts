/**
 * A big Telnyx account remediated through the engine: 100,000 numbers (10,000 forwarding to premium
 * destinations) and 1,000 credential connections at 200 requests/s, the simulator in a process of
 * its own. Prints wall time against the floor (requests ÷ rate), requests against the minimum,
 * 429s, the engine's peak RSS (PGlite in process) and failures. Goals: ratio ≤ 1.05, 0 failures,
 * 429s ≤ 0.5%, RSS ≤ 300 MB. About 70 s at the default size; `--scale 0.1` runs a tenth of it.
 *   npx tsx bench/scale.ts [--rate 200] [--scale 1] [--runs 1] [--trace]
 */
// As main.ts does first: the heap sized for a long-lived process, so RSS is the bot's.
import '../src/app/small-heap.js';
import { isMain } from './support/percentiles.js';
import { describeRun, remediateThroughEngine } from './support/remediate-through-engine.js';

export function runScaleBench(rate = 200, scale = 1, trace = false) {
  return remediateThroughEngine({
    rate,
    size: {
      numbers: Math.round(100_000 * scale),
      forwarding: Math.round(10_000 * scale),
      credentialConnections: Math.max(1, Math.round(1_000 * scale)),
    },
    simulator: 'child',
    onDisk: true,
    trace,
  });
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (isMain(import.meta.url)) {
  const rate = arg('rate', 200);
  const scale = arg('scale', 1);
  for (let run = 1, runs = arg('runs', 1); run <= runs; run += 1) {
    const r = await runScaleBench(rate, scale, process.argv.includes('--trace'));
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `scale through the engine at ${rate} requests/s (${n(r.size.numbers)} numbers, ${n(r.size.forwarding)} forwarding, ${n(r.size.credentialConnections)} SIP connections)${runs > 1 ? `, run ${run} of ${runs}` : ''}`,
    );
    for (const line of describeRun(r)) console.log(line);
  }
}
