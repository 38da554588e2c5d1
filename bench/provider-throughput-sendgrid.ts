/**
 * SendGrid provider throughput: the real client, limiter and playbook against the simulator over
 * HTTP on 127.0.0.1, rate-limited to R requests a second, on a large account (60 integration keys,
 * 1,200 teammates, 250 subusers, 40 allow-list entries, 5,000 messages in 30 days). Every automated
 * step discovers, then executes its plan one action at a time, the steps side by side. Prints wall
 * time against the floor (requests ÷ R), requests against the minimum, 429s and failures.
 * Goal: ratio ≤ 1.05, 0 failures.   npx tsx bench/provider-throughput-sendgrid.ts [--rate R]  (default 5/s)
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSendgridSteps } from '../src/playbooks/sendgrid/index.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../src/playbooks/types.js';
import { createProviderHttp } from '../src/providers/http/index.js';
import {
  apiKeyIdOf,
  createSendgridClient,
  SENDGRID_MESSAGES_PAGE,
  SENDGRID_SUBUSERS_PAGE,
  SENDGRID_TEAMMATES_PAGE,
  type SendgridClient,
} from '../src/providers/sendgrid/index.js';
import { createLimiterFactory, rateFor } from '../src/rate-limits/index.js';
import {
  SEED_TRUSTED,
  type SendgridSimulator,
  seedAttackedSendgridAccount,
  serveSendgridSimulator,
  unresolvedSendgridPlantedChanges,
} from '../src/sandbox/sendgrid/index.js';
import { silentLogger } from '../src/util/logger.js';

export interface SendgridThroughputOptions {
  /** Requests a second: the simulator's limit and the client's pace (default `rateFor('sendgrid')`). */
  rate?: number;
  apiKeys?: number;
  teammates?: number;
  subusers?: number;
  messages?: number;
  log?: (line: string) => void;
}

export interface SendgridThroughputResult {
  rate: number;
  wallSeconds: number;
  /** Requests made ÷ rate: no client can be faster against this limit. */
  floorSeconds: number;
  ratio: number;
  requests: number;
  /** The reads discovery cannot do without plus the requests each planned action needs. */
  minimum: number;
  reads: number;
  actionRequests: number;
  rateLimited: number;
  failures: number;
  /** Planted changes still in effect afterwards (should be 0). */
  unresolved: number;
}

type Step = AutomatedStepDefinition<SendgridClient>;

/** Requests an action makes: removals that first read the list (the lock-out guard, the invite token). */
const REQUESTS_PER_ACTION: Record<string, number> = { remove_allowed_ip: 2, cancel_invite: 2 };

/** Pages of a limit/offset listing: the last one is short (possibly empty). */
const offsetPages = (n: number, limit: number) => Math.floor(n / limit) + 1;

/** Pages of the cursor-less Email Activity walk: each page after the first re-reads one boundary message. */
function activityPages(n: number): number {
  let read = 0;
  for (let page = 1; ; page += 1) {
    const returned = Math.min(SENDGRID_MESSAGES_PAGE, n - read + (page > 1 ? 1 : 0));
    if (returned < SENDGRID_MESSAGES_PAGE) return page;
    read += page > 1 ? SENDGRID_MESSAGES_PAGE - 1 : SENDGRID_MESSAGES_PAGE;
  }
}

/** Reads: keys (list + scopes each), allow list + activity, teammates + invitations, subusers, both
 * webhook lists, the mail walk, and the account email (teammates, subusers and the mail review). */
function minimumReads(sim: SendgridSimulator, now: Date): number {
  const s = sim.state;
  const from = now.getTime() - 30 * 86_400_000;
  const mail = s.messages.filter((m) => Date.parse(m.last_event_time) >= from).length;
  const teammates = offsetPages(s.teammates.length, SENDGRID_TEAMMATES_PAGE);
  const subusers = offsetPages(s.subusers.length, SENDGRID_SUBUSERS_PAGE);
  return 1 + s.apiKeys.length + 2 + teammates + 1 + subusers + 2 + activityPages(mail) + 3;
}

/** One step as the engine runs it: discover, then each planned action in turn. Returns the failures. */
async function runStep(step: Step, ctx: PlaybookContext<SendgridClient>, plans: Map<string, Discovery>) {
  const plan = await step.discover(ctx).catch(() => undefined);
  if (!plan) return 1;
  plans.set(step.id, plan);
  let failures = 0;
  for (const action of plan.actions) {
    await step.execute(ctx, action, { recheck: false }).catch(() => {
      failures += 1;
    });
  }
  return failures;
}

export async function runSendgridThroughput(
  options: SendgridThroughputOptions = {},
): Promise<SendgridThroughputResult> {
  const rate = options.rate ?? rateFor('sendgrid');
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const sim = seedAttackedSendgridAccount({
    apiKeys: options.apiKeys ?? 60,
    teammates: options.teammates ?? 1200,
    subusers: options.subusers ?? 250,
    messages: options.messages ?? 5000,
    invites: 20,
    extraAllowedIps: 36,
    extraWebhooks: 3,
    now,
    since,
    simulator: { rateLimit: { perSecond: rate } },
  });
  const reads = minimumReads(sim, now); // before the plans change the account
  const served = await serveSendgridSimulator(sim);
  const logger = silentLogger();
  const limiters = createLimiterFactory({ logger });
  const auth = { bearer: sim.apiKey };
  const http = createProviderHttp({
    provider: 'sendgrid',
    account: 'b',
    baseUrl: served.url,
    auth,
    ratePerSec: rate,
    limiters,
    logger,
  });
  const ctx: PlaybookContext<SendgridClient> = {
    client: createSendgridClient(http, { ownApiKeyId: apiKeyIdOf(sim.apiKey) }),
    since,
    trusted: { hosts: [...SEED_TRUSTED.hosts], ips: [...SEED_TRUSTED.ips], numbers: [] },
    logger,
  };
  const steps = createSendgridSteps({ now: () => now }).filter((s): s is Step => s.kind === 'automated');
  try {
    const started = performance.now();
    const plans = new Map<string, Discovery>();
    // The steps side by side: each runs its plan once its own discovery is done (approvals come per step).
    const perStep = await Promise.all(steps.map((step) => runStep(step, ctx, plans)));
    const failures = perStep.reduce((a, b) => a + b, 0);
    const wallSeconds = (performance.now() - started) / 1000;
    const actions = [...plans.values()].flatMap((p) => p.actions);
    const actionRequests = actions.reduce((sum, a) => sum + (REQUESTS_PER_ACTION[a.kind] ?? 1), 0);
    const { requests, rateLimited } = sim.stats;
    const floorSeconds = requests / rate;
    const unresolved = unresolvedSendgridPlantedChanges(sim).length;
    const minimum = reads + actionRequests;
    const ratio = wallSeconds / floorSeconds;
    const result = { rate, wallSeconds, floorSeconds, ratio, requests, minimum, reads, actionRequests };
    const full: SendgridThroughputResult = { ...result, rateLimited, failures, unresolved };
    for (const line of describeSendgridThroughput(full)) options.log?.(line);
    return full;
  } finally {
    await served.close();
  }
}

/** The printed report: one row per number, the goal beside it. */
export function describeSendgridThroughput(r: SendgridThroughputResult): string[] {
  const mark = (ok: boolean) => (ok ? '✓' : '✗ MISSED');
  const rows: [string, string][] = [
    ['rate', `${r.rate}/s, the simulator's bucket and the client's pace`],
    ['wall', `${r.wallSeconds.toFixed(2)} s`],
    ['floor', `${r.floorSeconds.toFixed(2)} s = ${r.requests} requests ÷ ${r.rate}/s`],
    ['ratio', `${r.ratio.toFixed(3)} (goal ≤ 1.05) ${mark(r.ratio <= 1.05)}`],
    [
      'requests',
      `${r.requests} vs minimum ${r.minimum} = ${r.reads} reads + ${r.actionRequests} for actions ${mark(r.requests === r.minimum)}`,
    ],
    ['429s', String(r.rateLimited)],
    ['failures', `${r.failures} (goal 0) ${mark(r.failures === 0)}`],
    ['unresolved', `${r.unresolved} planted changes left ${mark(r.unresolved === 0)}`],
  ];
  return rows.map(([label, value]) => `${label.padEnd(11)}${value}`);
}

/** `--rate R` or `--rate=R`; undefined when absent. */
function rateArgument(argv: readonly string[]): number | undefined {
  const given = argv.find((a) => a.startsWith('--rate='))?.slice(7) ?? argv[argv.indexOf('--rate') + 1];
  if (!argv.some((a) => a.startsWith('--rate'))) return undefined;
  if (!(Number(given) > 0))
    throw new Error(`--rate wants a positive number of requests a second, got "${given}"`);
  return Number(given);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log('provider throughput: SendGrid playbook against the simulator over HTTP');
  runSendgridThroughput({
    rate: rateArgument(process.argv.slice(2)),
    log: (line) => console.log(line),
  }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
