/**
 * The post-remediation watch on the 2,000-number account (300 forwarding, 200 SIP connections) at
 * R requests/s: the provider requests one watch run makes (every automated step's discovery), and the
 * delay a watch running without pause beside an incident's execution adds to it (background work on
 * the same account's limiter). Goal: under 2%.
 *   npx tsx bench/watch.ts [--rate 20] [--rounds 2]
 */
import { getIncident } from '../src/db/repos/incidents-repo.js';
import { listSteps } from '../src/db/repos/steps-repo.js';
import type { UseCaseDeps } from '../src/incidents/deps.js';
import { rediscover, watchedStepKeys } from '../src/incidents/watch/rediscover.js';
import { inBackground } from '../src/rate-limits/index.js';
import { isMain } from './support/percentiles.js';
import { remediateThroughEngine } from './support/remediate-through-engine.js';

const SIZE = { numbers: 2000, forwarding: 300, credentialConnections: 200 };

/** One watch run, as the WATCH_RUN job makes it: background work, every automated step re-discovered. */
async function watchRun(deps: UseCaseDeps, incidentId: string): Promise<number> {
  const incident = await getIncident(deps.db, incidentId);
  const steps = await listSteps(deps.db, incidentId);
  const results = await inBackground(() => rediscover(deps, incident, watchedStepKeys(steps)));
  return results.filter((r) => !r.ok).length;
}

export async function runWatchBench(rate = 20, rounds = 2) {
  const plain: number[] = [];
  const watched: number[] = [];
  let perRun = 0;
  let watchRuns = 0;
  for (let i = 0; i < rounds; i++) {
    const alone = await remediateThroughEngine({
      rate,
      size: SIZE,
      simulator: 'in-process',
      after: async (deps, id) => {
        await watchRun(deps, id);
      },
    });
    plain.push(alone.executionMs);
    perRun = alone.afterRequests ?? 0;
    const beside = await remediateThroughEngine({
      rate,
      size: SIZE,
      simulator: 'in-process',
      beside: async (deps, id, signal) => {
        while (!signal.aborted) {
          await watchRun(deps, id);
          watchRuns += 1;
        }
      },
    });
    watched.push(beside.executionMs);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    rate,
    perRun,
    watchRuns,
    plainMs: plain,
    watchedMs: watched,
    delay: mean(watched) / mean(plain) - 1,
  };
}

if (isMain(import.meta.url)) {
  const arg = (name: string, d: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const r = await runWatchBench(arg('--rate', 20), arg('--rounds', 2));
  const s = (ms: number[]) => ms.map((m) => `${(m / 1000).toFixed(2)} s`).join(', ');
  console.log(`watch on the 2,000-number account at ${r.rate} requests/s`);
  console.log(`  one watch run: ${r.perRun} provider requests (every automated step's discovery, read-only)`);
  console.log(
    `  execution alone: ${s(r.plainMs)}; with a watch running non-stop beside it (${r.watchRuns} runs): ${s(r.watchedMs)}`,
  );
  console.log(
    `  delay the watch adds to the incident's execution: ${(100 * r.delay).toFixed(2)}% (goal < 2%)`,
  );
}
