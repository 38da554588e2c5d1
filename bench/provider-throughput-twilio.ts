/**
 * Twilio throughput: the real client, limiter and playbook against the simulator on 127.0.0.1 in a
 * child process (its work must not delay the client's timers), limited to R requests a second, on
 * `LARGE_ACCOUNT`. Discovers every step side by side, rotates the Auth Token, then runs every other
 * plan as the engine does. Goal: wall time ≤ 1.05 × (requests ÷ R), requests = minimum, 0 failures.
 *   npx tsx bench/provider-throughput-twilio.ts [--rate R]   (default R = 20, Twilio's documented pace)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROTATE_AUTH_TOKEN, TWILIO_STEPS } from '../src/playbooks/twilio/index.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../src/playbooks/types.js';
import {
  createTwilioClient,
  TWILIO_MAX_PAGE_SIZE,
  type TwilioClient,
  twilioConnector,
} from '../src/providers/twilio/index.js';
import { createLimiterFactory, rateFor } from '../src/rate-limits/index.js';
import {
  SEED_TRUSTED,
  seedAttackedTwilioAccount,
  serveTwilioSimulator,
  type TwilioSeedOptions,
  type TwilioSimulator,
  unresolvedTwilioChanges,
} from '../src/sandbox/twilio/index.js';
import { silentLogger } from '../src/util/logger.js';

/** `rate`: the simulator's limit and the client's pace; `account`: seed options over `LARGE_ACCOUNT`. */
export interface TwilioThroughputOptions {
  rate?: number;
  account?: TwilioSeedOptions;
  log?: (line: string) => void;
}

/** floor = requests ÷ rate; minimum = pages at PageSize=1000 + action requests; unresolved = planted left. */
export interface TwilioThroughputResult {
  rate: number;
  wallSeconds: number;
  floorSeconds: number;
  ratio: number;
  requests: number;
  minimum: number;
  pages: number;
  actionRequests: number;
  rateLimited: number;
  failures: number;
  unresolved: number;
}

/** 2,500 numbers (40 repointed), 30 apps, 40 keys; SIP: 12 credential lists of 25, 22 IP lists. */
export const LARGE_ACCOUNT: TwilioSeedOptions = { numbers: 2500, repointed: 40, applications: 30, keys: 40 };
const LARGE_SIP: TwilioSeedOptions = { credentialLists: 12, credentialsPerList: 25, extraSites: 20 };

type Step = AutomatedStepDefinition<TwilioClient>;
const AUTOMATED = TWILIO_STEPS.filter((s): s is Step => s.kind === 'automated');
/** Requests of an action beyond 1: the Auth Token rotation deletes, creates and promotes. */
const REQUESTS_PER_ACTION: Record<string, number> = { rotate_auth_token: 3 };
const pagesOf = (count: number) => Math.max(1, Math.ceil(count / TWILIO_MAX_PAGE_SIZE));

/** The requests every discovery makes, from the account as seeded (the `1`: the account's fetch). */
function minimumPages(sim: TwilioSimulator): number {
  const s = sim.state;
  const each = (parents: { sid: string }[], of: string[]) =>
    parents.reduce((sum, p) => sum + pagesOf(of.filter((sid) => sid === p.sid).length), 0);
  const credentialOwners = s.credentials.map((c) => c.credential_list_sid);
  const addressOwners = s.ipAddresses.map((ip) => ip.ip_access_control_list_sid);
  const lists = [s.keys, [...s.subaccounts, s.account], s.credentialLists, s.ipAccessControlLists];
  return (
    2 + // the account's fetch and the iam v1 key listing
    [...lists, s.incomingPhoneNumbers, s.applications].reduce((sum, l) => sum + pagesOf(l.length), 0) +
    each(s.credentialLists, credentialOwners) +
    each(s.ipAccessControlLists, addressOwners) +
    3 // the usage step: spend before the incident, spend since, daily triggers
  );
}

type SimReport = Record<'url' | 'accountSid' | 'authToken', string> &
  Record<'pages' | 'requests' | 'rateLimited' | 'unresolved', number>;

/** The child's side: seed (from the environment), serve, and answer `report` / `close`. */
async function serveAsChild(seedJson: string): Promise<void> {
  const seed = JSON.parse(seedJson) as TwilioSeedOptions & { now: string; since: string };
  const sim = seedAttackedTwilioAccount({ ...seed, now: new Date(seed.now), since: new Date(seed.since) });
  const pages = minimumPages(sim);
  const served = await serveTwilioSimulator(sim);
  const base = { url: served.url, accountSid: sim.accountSid, authToken: sim.authToken, pages };
  const report = (unresolved = 0): SimReport => ({ ...base, ...sim.stats.snapshot(), unresolved });
  process.on('message', (m) => {
    if (m === 'report') process.send?.(report(unresolvedTwilioChanges(sim).length));
    else void served.close().then(() => process.exit(0));
  });
  process.send?.(report());
}

function startChild(seed: object): { next(ask?: string): Promise<SimReport>; close(): void } {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, RECLAIM_TWILIO_BENCH_SEED: JSON.stringify(seed) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (ask?: string) =>
    new Promise<SimReport>((done, fail) => {
      const onExit = (code: number | null) => fail(new Error(`the simulator process exited (${code})`));
      child.once('exit', onExit).once('message', (m) => {
        child.off('exit', onExit);
        done(m as SimReport);
      });
      if (ask) child.send(ask);
    });
  return { next, close: () => child.send('close') };
}

/** Runs a plan one action at a time, as the engine's EXECUTE job does; counts what failed. */
async function executePlan(step: Step, ctx: PlaybookContext<TwilioClient>, plan: Discovery | undefined) {
  let failures = 0;
  for (const action of plan?.actions ?? []) {
    await step.execute(ctx, action, { recheck: false }).catch(() => {
      failures += 1;
    });
  }
  return failures;
}

export async function runTwilioThroughput(options: TwilioThroughputOptions = {}) {
  const rate = options.rate ?? rateFor('twilio');
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const simulator = { rateLimit: { perSecond: rate } };
  const child = startChild({ ...LARGE_ACCOUNT, ...LARGE_SIP, ...options.account, now, since, simulator });
  try {
    const sim = await child.next();
    const logger = silentLogger();
    const limiters = createLimiterFactory({ logger });
    const connect = twilioConnector({ apiUrl: sim.url, ratePerSec: rate, logger, limiters });
    const { hosts, ips, numbers } = SEED_TRUSTED;
    const ctx: PlaybookContext<TwilioClient> = {
      client: createTwilioClient({ accountSid: sim.accountSid, authToken: sim.authToken, connect }),
      since,
      trusted: { hosts: [...hosts], ips: [...ips], numbers: [...numbers] },
      logger,
    };
    const started = performance.now();
    let failures = 0;
    const plans = new Map<string, Discovery>();
    const discover = (step: Step) =>
      step.discover(ctx).then(
        (plan) => plans.set(step.id, plan),
        () => (failures += 1),
      );
    await Promise.all(AUTOMATED.map(discover));
    const run = (step: Step) => executePlan(step, ctx, plans.get(step.id));
    for (const step of AUTOMATED.filter((s) => s.id === ROTATE_AUTH_TOKEN)) failures += await run(step);
    const results = await Promise.all(AUTOMATED.filter((s) => s.id !== ROTATE_AUTH_TOKEN).map(run));
    const wallSeconds = (performance.now() - started) / 1000;
    failures += results.reduce((a, b) => a + b, 0);
    const { requests, rateLimited, unresolved, pages } = await child.next('report');
    const actions = [...plans.values()].flatMap((p) => p.actions);
    const actionRequests = actions.reduce((sum, a) => sum + (REQUESTS_PER_ACTION[a.kind] ?? 1), 0);
    const floorSeconds = requests / rate;
    const ratio = wallSeconds / floorSeconds;
    const minimum = pages + actionRequests;
    const result = { rate, wallSeconds, floorSeconds, ratio, requests, minimum, pages, actionRequests };
    const full: TwilioThroughputResult = { ...result, rateLimited, failures, unresolved };
    for (const line of reportTwilioThroughput(full)) options.log?.(line);
    return full;
  } finally {
    child.close();
  }
}

/** The lines the bench prints, with the goals next to the numbers. */
export function reportTwilioThroughput(r: TwilioThroughputResult): string[] {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  return [
    `rate limit         ${r.rate}/s (simulator bucket and client pace)`,
    `wall time          ${r.wallSeconds.toFixed(2)} s`,
    `floor              ${r.floorSeconds.toFixed(2)} s  (${r.requests} requests ÷ ${r.rate}/s)`,
    `ratio              ${r.ratio.toFixed(3)}  goal ≤ 1.05: ${verdict(r.ratio <= 1.05)}`,
    `requests           ${r.requests} made, minimum ${r.minimum} (${r.pages} reads + ${r.actionRequests} for actions)  ${verdict(r.requests === r.minimum)}`,
    `429s received      ${r.rateLimited}`,
    `failures           ${r.failures}  goal 0: ${verdict(r.failures === 0)}`,
    `left in effect     ${r.unresolved} planted changes  ${verdict(r.unresolved === 0)}`,
  ];
}

const childSeed = process.env.RECLAIM_TWILIO_BENCH_SEED;
if (childSeed && process.send) {
  void serveAsChild(childSeed);
} else if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--rate');
  const rate = at > 0 ? Number(process.argv[at + 1]) : undefined;
  if (rate !== undefined && !(rate > 0)) throw new Error('--rate wants requests a second, above 0');
  console.log('provider throughput: Twilio playbook against the simulator in a child process, over HTTP');
  runTwilioThroughput({ rate, log: (line) => console.log(line) }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
