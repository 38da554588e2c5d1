// One whole Telnyx remediation through the engine against a seeded simulator, measured: what remediation.ts and scale.ts print.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../src/app/boot.js';
import { createPlaybookRuntime } from '../../src/app/playbook-runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgliteDb } from '../../src/db/pglite-db.js';
import { approveStep } from '../../src/incidents/decide-step.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import { launchDiscovery, startIncident } from '../../src/incidents/start-incident.js';
import { SANDBOX_API_KEY, SEED_TRUSTED } from '../../src/sandbox/telnyx/index.js';
import { silentLogger } from '../../src/util/logger.js';
import type { RemediationRun, RemediationSize } from './describe-run.js';
import { prepareDataDir } from './prepare-data-dir.js';
import { collectGarbage, describeRssAtPeak, rssMb, watchRss } from './process-gauges.js';
import { countQueries } from './query-stats.js';
import { type SimulatorReport, startSimulatorInProcess, startSimulatorProcess } from './simulator-process.js';
import { traceEngine } from './trace-engine.js';

export { describeRun, type RemediationRun, type RemediationSize } from './describe-run.js';

const SETTLED = new Set(['done', 'failed', 'skipped', 'rejected']);

interface StepRow {
  id: string;
  stepKey: string;
  state: string;
  planDigest: string | null;
  error: { message?: string } | null;
}

const writesOf = (report: SimulatorReport) =>
  Object.entries(report.stats.byRoute)
    .filter(([route]) => !route.startsWith('GET '))
    .reduce((n, [, c]) => n + c, 0);

/**
 * An incident through the use cases, the job worker, PGlite, the real playbook, client and limiter,
 * against a seeded account at `rate` requests/s (its bucket holds one second). `simulator: 'child'`
 * serves the account from another process, so its work neither slows this one's timers nor counts
 * in its memory; `'in-process'` shares this event loop (as remediation.ts always has). `trace`
 * prints each step's changes of state, the limiter every 2 s and where the database time went.
 */
export async function remediateThroughEngine(options: {
  rate: number;
  size: RemediationSize;
  simulator: 'child' | 'in-process';
  /** PGlite in a data directory on disk, as the bot runs it (default: in memory). */
  onDisk?: boolean;
  trace?: boolean;
  /** Runs beside execution (as the watch of another incident would) until `signal` aborts. */
  beside?: (deps: UseCaseDeps, incidentId: string, signal: AbortSignal) => Promise<void>;
  /** Once remediated: the provider requests it makes are returned as `afterRequests`. */
  after?: (deps: UseCaseDeps, incidentId: string) => Promise<void>;
}): Promise<RemediationRun & { afterRequests?: number }> {
  const { rate, size } = options;
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const seed = { ...size, now, since, simulator: { rateLimit: { perSecond: rate, burst: rate } } };
  const sim =
    options.simulator === 'child' ? await startSimulatorProcess(seed) : await startSimulatorInProcess(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-bench-'));
  // On disk, as the bot keeps it (DATA_DIR): in memory, the database's own files would count as RSS.
  // Made beforehand in another process, as the bot finds its DATA_DIR (see prepareDataDir).
  if (options.onDisk) await prepareDataDir(join(dataDir, 'pglite'));
  const pglite = await createPgliteDb(options.onDisk ? { dataDir: join(dataDir, 'pglite') } : {});
  await migrate(pglite);
  const counted = options.trace ? countQueries(pglite) : undefined;
  const db = counted?.db ?? pglite;
  const config = loadConfig({
    TELNYX_API_KEY: SANDBOX_API_KEY,
    TELNYX_API_URL: sim.started.url,
    TELNYX_RATE_PER_SEC: String(rate),
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
    // No SLACK_BOT_TOKEN: a provider key is accepted only with this (Reclaim Local on loopback).
    RECLAIM_LOCAL_REAL: '1',
    RECLAIM_APPROVERS: 'UAPPROVER1,UAPPROVER2',
    RECLAIM_TRUSTED_HOSTS: SEED_TRUSTED.hosts.join(','),
    RECLAIM_TRUSTED_IPS: SEED_TRUSTED.ips.join(','),
    RECLAIM_TRUSTED_NUMBERS: SEED_TRUSTED.numbers.join(','),
    DATA_DIR: dataDir,
  });
  const logger = silentLogger();
  const playbooks = createPlaybookRuntime(config, logger);
  // The waits below look at the steps when one has changed (not on a timer: PGlite runs one
  // query at a time, and 20 looks a second cost the engine measured 4 s of a 140 s run), and
  // date a phase's end by the change that ended it, not by when they looked.
  let lastChangeAt = 0;
  let changed: (() => void) | null = null;
  const notifier = {
    stepChanged: () => {
      lastChangeAt = performance.now();
      changed?.();
    },
    incidentChanged: () => undefined,
  };
  const nextChange = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      changed = () => {
        changed = null;
        clearTimeout(timer);
        setTimeout(resolve, 200);
      };
    });
  // The engine as deployed: its own poll interval (an enqueue here wakes the workers at once).
  const engine = await startEngine(config, logger, { playbooks, notifier, db });
  await collectGarbage();
  const startRssMb = rssMb();
  const peakRss = watchRss();
  const trace = options.trace ? traceEngine(playbooks) : undefined;
  try {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const { incident } = await startIncident(engine.deps, {
      provider: 'telnyx',
      label: 'bench',
      since,
      rehearsal: false,
      requestedBy: 'UREQUESTER',
    });
    await launchDiscovery(engine.deps, incident.id);
    trace?.watch(incident, started);
    engine.worker.notify();
    // Only the columns the wait needs: a step's findings are large on a big account, and PGlite
    // runs one query at a time, so reading them at every look would slow the engine measured.
    const automated = async () => {
      const { rows } = await db.query<StepRow>(
        `SELECT id, step_key AS "stepKey", state, plan_digest AS "planDigest", error
           FROM steps WHERE incident_id = $1 AND kind = 'automated' ORDER BY position`,
        [incident.id],
      );
      trace?.steps(rows);
      return rows;
    };
    /** Waits until `done` holds; returns when it came to hold (the change that made it hold). */
    const waitUntil = async (done: (steps: StepRow[]) => boolean) => {
      for (;;) {
        if (done(await automated())) {
          // The change that settled the last step is told just after its commit: let it land.
          await new Promise((r) => setImmediate(r));
          return lastChangeAt || performance.now();
        }
        await nextChange();
      }
    };
    const discovered = await waitUntil((steps) =>
      steps.every((s) => s.state !== 'pending' && s.state !== 'discovering'),
    );
    const discoveryMs = discovered - started;
    const discoveryRequests = (await sim.stats()).requests;
    const cpuInDiscovery = process.cpuUsage(cpuAtStart);

    const approving = performance.now();
    let approvals = 0;
    for (const step of await automated()) {
      if (step.state !== 'awaiting_approval' || !step.planDigest) continue;
      for (const user of ['UAPPROVER1', 'UAPPROVER2']) {
        await approveStep(engine.deps, { stepId: step.id, userId: user, digest: step.planDigest });
        approvals += 1;
      }
    }
    const executing = performance.now();
    const cpuAtExecution = process.cpuUsage();
    const besides = new AbortController();
    const beside = options.beside?.(engine.deps, incident.id, besides.signal);
    engine.worker.notify();
    const executed = await waitUntil((steps) =>
      steps.every((s) => SETTLED.has(s.state) || (s.state === 'awaiting_approval' && s.planDigest !== null)),
    );
    const executionMs = executed - executing;
    besides.abort();
    await beside;
    const beforeAfter = (await sim.stats()).requests;
    await options.after?.(engine.deps, incident.id);
    const afterRequests = options.after ? (await sim.stats()).requests - beforeAfter : undefined;
    const cpuInExecution = process.cpuUsage(cpuAtExecution);
    trace?.stop();
    const steps = await automated();
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_actions`);
    const report = await sim.report();
    if (options.trace) console.log('requests by route', JSON.stringify(report.stats.byRoute));
    const requests = report.stats.requests;
    const floorMs = (requests / rate) * 1000;
    const wallMs = discoveryMs + executionMs;
    const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    return {
      rate,
      size,
      wallMs,
      discoveryMs,
      discoveryRequests,
      approvalMs: executing - approving,
      approvals,
      executionMs,
      floorMs,
      ratio: wallMs / floorMs,
      executionRatio: executionMs / (((requests - discoveryRequests) / rate) * 1000),
      requests,
      writes: writesOf(report),
      plannedActions: rows[0]?.n ?? 0,
      http429: report.stats.rateLimited,
      cpuMs: cpu(cpuInDiscovery) + cpu(cpuInExecution),
      startRssMb,
      peakRssMb: peakRss(),
      failedSteps: steps.filter((s) => s.state === 'failed').map((s) => `${s.stepKey}: ${s.error?.message}`),
      leftOver: steps.filter((s) => !SETTLED.has(s.state)).map((s) => `${s.stepKey} (${s.state})`),
      unresolved: report.unresolved,
      ...(afterRequests !== undefined ? { afterRequests } : {}),
    };
  } finally {
    peakRss();
    trace?.stop();
    await engine.stop();
    await playbooks.close();
    await sim.close();
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
    for (const line of counted?.report() ?? []) console.log(line);
    if (options.trace) console.log(describeRssAtPeak(peakRss.atPeak()));
  }
}
