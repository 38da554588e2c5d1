/**
 * A whole Telnyx remediation through the engine (use cases, job worker, database, the real playbook,
 * client and limiter) against the simulated account served over HTTP at R requests/s: 2,000 numbers
 * (300 forwarding to premium destinations) and 200 credential connections. Prints wall time of
 * discovery + execution against the floor (requests made ÷ R), the ratio, writes made vs the
 * actions planned, 429s and failures. Goal: ratio ≤ 1.05, 0 failures, 429s ≤ 0.5% of requests.
 *   npx tsx bench/remediation.ts [--rate 20]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../src/app/boot.js';
import { createPlaybookRuntime } from '../src/app/playbook-runtime.js';
import { loadConfig } from '../src/config/config.js';
import { migrate } from '../src/db/migrate.js';
import { createPgliteDb } from '../src/db/pglite-db.js';
import { listSteps } from '../src/db/repos/steps-repo.js';
import { approveStep } from '../src/incidents/decide-step.js';
import { launchDiscovery, startIncident } from '../src/incidents/start-incident.js';
import {
  SANDBOX_API_KEY,
  SEED_TRUSTED,
  seedAttackedAccount,
  serveSimulator,
} from '../src/sandbox/telnyx/index.js';
import { silentLogger } from '../src/util/logger.js';
import { isMain } from './support/percentiles.js';

const SETTLED = new Set(['done', 'failed', 'skipped', 'rejected']);

export async function runRemediationBench(rate = 20) {
  const now = new Date();
  const since = new Date(now.getTime() - 3 * 86_400_000);
  const sim = seedAttackedAccount({ numbers: 2000, forwarding: 300, credentialConnections: 200, now, since });
  sim.setRateLimit({ perSecond: rate, burst: rate });
  const served = await serveSimulator(sim);
  const db = await createPgliteDb();
  await migrate(db);
  const config = loadConfig({
    TELNYX_API_KEY: SANDBOX_API_KEY,
    TELNYX_API_URL: served.url,
    TELNYX_RATE_PER_SEC: String(rate),
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 5).toString('base64'),
    // No SLACK_BOT_TOKEN: a provider key is accepted only with this (Reclaim Local on loopback).
    RECLAIM_LOCAL_REAL: '1',
    RECLAIM_APPROVERS: 'UAPPROVER1,UAPPROVER2',
    RECLAIM_TRUSTED_HOSTS: SEED_TRUSTED.hosts.join(','),
    RECLAIM_TRUSTED_IPS: SEED_TRUSTED.ips.join(','),
    RECLAIM_TRUSTED_NUMBERS: SEED_TRUSTED.numbers.join(','),
    DATA_DIR: await mkdtemp(join(tmpdir(), 'reclaim-bench-')),
  });
  const logger = silentLogger();
  const playbooks = createPlaybookRuntime(config, logger);
  const notifier = { stepChanged: () => undefined, incidentChanged: () => undefined };
  const engine = await startEngine(config, logger, { playbooks, notifier, db, pollIntervalMs: 10 });
  const waitUntil = async (done: () => Promise<boolean>) => {
    while (!(await done())) await new Promise((r) => setTimeout(r, 20));
  };
  try {
    const started = performance.now();
    const { incident } = await startIncident(engine.deps, {
      provider: 'telnyx',
      label: 'bench',
      since,
      rehearsal: false,
      requestedBy: 'UREQUESTER',
    });
    await launchDiscovery(engine.deps, incident.id);
    engine.worker.notify();
    const automated = async () => (await listSteps(db, incident.id)).filter((s) => s.kind === 'automated');
    await waitUntil(async () =>
      (await automated()).every((s) => s.state !== 'pending' && s.state !== 'discovering'),
    );
    const discoveredAt = performance.now();
    const discoveryRequests = sim.stats.requests;
    for (const step of await automated()) {
      if (step.state !== 'awaiting_approval' || !step.planDigest) continue;
      for (const user of ['UAPPROVER1', 'UAPPROVER2']) {
        await approveStep(engine.deps, { stepId: step.id, userId: user, digest: step.planDigest });
      }
    }
    engine.worker.notify();
    await waitUntil(async () =>
      (await automated()).every(
        (s) => SETTLED.has(s.state) || (s.state === 'awaiting_approval' && s.planDigest !== null),
      ),
    );
    const wallMs = performance.now() - started;
    const steps = await automated();
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan_actions`);
    const writes = Object.entries(sim.stats.byRoute)
      .filter(([route]) => !route.startsWith('GET '))
      .reduce((n, [, c]) => n + c, 0);
    const requests = sim.stats.requests;
    const floorMs = (requests / rate) * 1000;
    return {
      rate,
      wallMs,
      discoveryMs: discoveredAt - started,
      discoveryRequests,
      floorMs,
      ratio: wallMs / floorMs,
      requests,
      writes,
      plannedActions: rows[0]?.n ?? 0,
      http429: sim.stats.rateLimited,
      failedSteps: steps.filter((s) => s.state === 'failed').map((s) => `${s.stepKey}: ${s.error?.message}`),
      leftOver: steps.filter((s) => !SETTLED.has(s.state)).map((s) => `${s.stepKey} (${s.state})`),
    };
  } finally {
    await engine.stop();
    await playbooks.close();
    await served.close();
    await db.close();
  }
}

if (isMain(import.meta.url)) {
  const i = process.argv.indexOf('--rate');
  const r = await runRemediationBench(i > 0 ? Number(process.argv[i + 1]) : 20);
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  console.log(
    `remediation through the engine at ${r.rate} requests/s (2,000 numbers, 300 forwarding, 200 SIP connections)`,
  );
  console.log(
    `  wall ${s(r.wallMs)} (discovery ${s(r.discoveryMs)}, ${r.discoveryRequests} requests)   floor ${s(r.floorMs)}   ratio ${r.ratio.toFixed(3)} (goal ≤ 1.05)`,
  );
  console.log(
    `  requests ${r.requests}: writes ${r.writes} for ${r.plannedActions} planned actions (minimum: one each)`,
  );
  console.log(
    `  429s ${r.http429} (${((100 * r.http429) / r.requests).toFixed(2)}%, goal ≤ 0.5%)   failed steps ${r.failedSteps.length} ${JSON.stringify(r.failedSteps)}`,
  );
  if (r.leftOver.length > 0)
    console.log(`  steps left with empty plans to mark done: ${r.leftOver.join(', ')}`);
}
