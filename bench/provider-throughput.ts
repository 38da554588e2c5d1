/**
 * Provider throughput: the real Telnyx client, limiter and playbook against the simulator served
 * over HTTP on 127.0.0.1 with a rate limit of R requests a second (2,000 numbers of which 300
 * forward to premium destinations, 200 credential connections). Discovers every automated step,
 * then executes the forwarding and SIP-credential plans the way the engine does (one action at a
 * time per step, the two steps side by side). Prints wall time against the floor (requests ÷ R),
 * the ratio, requests made against the minimum (listing pages + one write per action), 429s and
 * failures. Goal: ratio ≤ 1.05, 0 failures, 429s ≤ 0.5% of requests.
 *   npx tsx bench/provider-throughput.ts [--rate R] [--in-process]      (default R = 50)
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DISABLE_FORWARDING, ROTATE_SIP_CREDENTIALS, TELNYX_STEPS } from '../src/playbooks/telnyx/index.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../src/playbooks/types.js';
import { createProviderHttp } from '../src/providers/http/index.js';
import { createTelnyxClient, type TelnyxClient } from '../src/providers/telnyx/index.js';
import type { LimiterFactory } from '../src/rate-limits/index.js';
import { SEED_TRUSTED } from '../src/sandbox/telnyx/index.js';
import { silentLogger } from '../src/util/logger.js';
import {
  type SimulatorProcess,
  startSimulatorInProcess,
  startSimulatorProcess,
} from './support/simulator-process.js';
import {
  type Exchange,
  minimumPages,
  type ProviderThroughputResult,
  pacingOf,
  report,
} from './support/throughput-report.js';

export interface ProviderThroughputOptions {
  /** Requests a second: the simulator's limit and the client's pace (default 50). */
  rate?: number;
  numbers?: number;
  forwarding?: number;
  credentialConnections?: number;
  /** Where the client's limiter comes from (e.g. a Redis-clustered factory); default: its own. */
  limiters?: LimiterFactory;
  /** Serve the simulator from this process instead of a child (its work then delays the client's timers). */
  inProcess?: boolean;
  log?: (line: string) => void;
}

export type { ProviderThroughputResult } from './support/throughput-report.js';

type Step = AutomatedStepDefinition<TelnyxClient>;

const AUTOMATED = TELNYX_STEPS.filter((s): s is Step => s.kind === 'automated');

/** Runs a plan one action at a time, as the engine's EXECUTE job does; counts what failed. */
async function executePlan(step: Step, ctx: PlaybookContext<TelnyxClient>, plan: Discovery): Promise<number> {
  let failures = 0;
  for (const action of plan.actions) {
    try {
      await step.execute(ctx, action, { recheck: false });
    } catch {
      failures += 1;
    }
  }
  return failures;
}

export async function runProviderThroughputBench(
  options: ProviderThroughputOptions = {},
): Promise<ProviderThroughputResult> {
  const rate = options.rate ?? 50;
  const log = options.log ?? (() => undefined);
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const seed = {
    numbers: options.numbers ?? 2000,
    forwarding: options.forwarding ?? 300,
    credentialConnections: options.credentialConnections ?? 200,
    now,
    since,
    simulator: { rateLimit: { perSecond: rate } },
  };
  const served: SimulatorProcess = options.inProcess
    ? await startSimulatorInProcess(seed)
    : await startSimulatorProcess(seed);
  const logger = silentLogger();
  const exchanges: Exchange[] = [];
  const http = createProviderHttp({
    provider: 'telnyx',
    account: 'bench',
    baseUrl: served.started.url,
    auth: { bearer: served.started.apiKey },
    ratePerSec: rate,
    logger,
    ...(options.limiters ? { limiters: options.limiters } : {}),
    observer: {
      requestFinished: (e) =>
        exchanges.push({
          startMs: performance.now() - e.durationMs,
          durationMs: e.durationMs,
          method: e.method,
        }),
      rateLimited: () => undefined,
    },
  });
  const ctx: PlaybookContext<TelnyxClient> = {
    client: createTelnyxClient(http),
    since,
    trusted: {
      hosts: [...SEED_TRUSTED.hosts],
      ips: [...SEED_TRUSTED.ips],
      numbers: [...SEED_TRUSTED.numbers],
    },
    logger,
  };
  try {
    const started = performance.now();
    let failures = 0;
    const plans = new Map<string, Discovery>();
    await Promise.all(
      AUTOMATED.map(async (step) => {
        try {
          plans.set(step.id, await step.discover(ctx));
        } catch {
          failures += 1;
        }
      }),
    );
    const discovered = performance.now();
    const executed = AUTOMATED.filter((s) => s.id === DISABLE_FORWARDING || s.id === ROTATE_SIP_CREDENTIALS);
    const results = await Promise.all(
      executed.map((step) => {
        const plan = plans.get(step.id);
        return plan ? executePlan(step, ctx, plan) : Promise.resolve(0);
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    failures += results.reduce((a, b) => a + b, 0);

    const actions = executed.reduce((sum, s) => sum + (plans.get(s.id)?.actions.length ?? 0), 0);
    const after = await served.report();
    const pages = minimumPages(after.sizes);
    const requests = after.stats.requests;
    const floorSeconds = requests / rate;
    const unresolved = after.unresolved.filter(
      (kind) => kind === 'call_forwarding' || kind === 'credential_connection',
    ).length;
    const result: ProviderThroughputResult = {
      rate,
      wallSeconds,
      floorSeconds,
      ratio: wallSeconds / floorSeconds,
      requests,
      minimum: pages + actions + (plans.get(DISABLE_FORWARDING)?.actions.length ?? 0), // forwarding: switch, then blank target
      pages,
      actions,
      rateLimited: after.stats.rateLimited,
      inProcess: options.inProcess === true,
      failures,
      unresolved,
      pacing: pacingOf(exchanges, rate, (discovered - started) / 1000, wallSeconds),
    };
    for (const line of report(result)) log(line);
    return result;
  } finally {
    await served.close();
  }
}

function rateFromArgs(argv: string[]): number | undefined {
  const i = argv.indexOf('--rate');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--rate='))?.slice('--rate='.length);
  if (raw === undefined) return undefined;
  const rate = Number(raw);
  if (!(rate > 0)) throw new Error(`--rate must be a positive number of requests a second, not "${raw}"`);
  return rate;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log('provider throughput: Telnyx playbook against the simulator over HTTP');
  const args = process.argv.slice(2);
  runProviderThroughputBench({
    rate: rateFromArgs(args),
    inProcess: args.includes('--in-process'),
    log: (line) => console.log(line),
  })
    .then((r) => {
      if (r.failures > 0 || r.unresolved > 0) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
