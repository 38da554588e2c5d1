/**
 * The child side of `startSimulatorProcess`: seeds an attacked Telnyx account, serves it on
 * 127.0.0.1 and answers the parent over IPC. Run only by `simulator-process.ts`.
 */
import { type SeedOptions, seedAttackedAccount, serveSimulator } from '../../src/sandbox/telnyx/index.js';
import { reportOf, type SimulatorRequest } from './simulator-process.js';

const options = JSON.parse(process.env.RECLAIM_BENCH_SEED ?? '{}') as SeedOptions & {
  now: string;
  since: string;
};
const sim = seedAttackedAccount({ ...options, now: new Date(options.now), since: new Date(options.since) });
const served = await serveSimulator(sim);

const report = () => reportOf(sim, served.url);

process.on('message', (message: SimulatorRequest) => {
  if (message === 'report') process.send?.(report());
  if (message === 'stats') process.send?.(sim.stats.snapshot());
  if (message === 'reset-stats') {
    sim.stats.reset();
    sim.setRateLimit(options.simulator?.rateLimit ?? null);
    process.send?.(report());
  }
  if (message === 'close') void served.close().then(() => process.exit(0));
});
process.send?.(report());
