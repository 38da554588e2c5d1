import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  type SeedOptions,
  type SimulatorStatsSnapshot,
  seedAttackedAccount,
  serveSimulator,
  type TelnyxSimulator,
  unresolvedPlantedChanges,
} from '../../src/sandbox/telnyx/index.js';

/** What the child reports: where it listens, its counters, what is still in effect, collection sizes. */
export interface SimulatorReport {
  url: string;
  apiKey: string;
  stats: SimulatorStatsSnapshot;
  /** Kinds of the planted changes still in effect. */
  unresolved: string[];
  sizes: Record<string, number>;
}

export function reportOf(sim: TelnyxSimulator, url: string): SimulatorReport {
  const s = sim.state;
  return {
    url,
    apiKey: sim.apiKey,
    stats: sim.stats.snapshot(),
    unresolved: unresolvedPlantedChanges(sim).map((c) => c.kind),
    sizes: {
      credentialConnections: s.credentialConnections.length,
      telephonyCredentials: s.telephonyCredentials.length,
      ipConnections: s.ipConnections.length,
      ips: s.ips.length,
      fqdnConnections: s.fqdnConnections.length,
      fqdns: s.fqdns.length,
      messagingProfiles: s.messagingProfiles.length,
      phoneNumbers: s.phoneNumbers.length,
      callControlApplications: s.callControlApplications.length,
      texmlApplications: s.texmlApplications.length,
      outboundVoiceProfiles: s.outboundVoiceProfiles.length,
    },
  };
}

export type SimulatorRequest = 'report' | 'stats' | 'reset-stats' | 'close';

export interface SimulatorProcess {
  /** The report taken when the child started listening. */
  readonly started: SimulatorReport;
  report(): Promise<SimulatorReport>;
  /** The counters alone: quick, where `report()` also works out which planted changes remain. */
  stats(): Promise<SimulatorStatsSnapshot>;
  /** Zeroes the counters and refills the rate-limit bucket (after a warm-up). */
  resetStats(): Promise<SimulatorReport>;
  close(): Promise<void>;
}

/**
 * Serves a seeded simulator (`seedAttackedAccount` + `serveSimulator`) from a child process, so
 * the simulator's work does not share the event loop with the client being measured: in one
 * process, the server's handling delays the client limiter's timers and the bench measures both.
 */
type BenchSeed = Omit<SeedOptions, 'now' | 'since'> & { now: Date; since: Date };

/** The same simulator served from this process (to compare: its work then delays the client's timers). */
export async function startSimulatorInProcess(seed: BenchSeed): Promise<SimulatorProcess> {
  const sim = seedAttackedAccount(seed);
  const served = await serveSimulator(sim);
  const report = async () => reportOf(sim, served.url);
  return {
    started: await report(),
    report,
    stats: async () => sim.stats.snapshot(),
    resetStats: async () => {
      sim.stats.reset();
      sim.setRateLimit(seed.simulator?.rateLimit ?? null);
      return report();
    },
    close: () => served.close(),
  };
}

export async function startSimulatorProcess(seed: BenchSeed): Promise<SimulatorProcess> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./simulator-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, RECLAIM_BENCH_SEED: JSON.stringify(seed) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<SimulatorReport>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the simulator process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as SimulatorReport);
      });
    });
  const ask = (request: SimulatorRequest) => {
    const answer = next();
    child.send(request);
    return answer;
  };
  const started = await next();
  return {
    started,
    report: () => ask('report'),
    stats: () => ask('stats') as unknown as Promise<SimulatorStatsSnapshot>,
    resetStats: () => ask('reset-stats'),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}
