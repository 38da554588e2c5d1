import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { createConnectionStore } from '../connections/connection-store.js';
import { envCredentials, syncEnvConnections } from '../connections/env-connections.js';
import type { Db } from '../db/db.js';
import { openDb } from '../db/open-db.js';
import { prepareSchema } from '../db/prepare-schema.js';
import {
  CONTAIN_DISCOVER_JOB,
  CONTAIN_EXECUTE_JOB,
  DISCOVER_JOB,
  EXECUTE_JOB,
  URGENT_JOB_KINDS,
  WATCH_BASELINE_JOB,
  WATCH_RUN_JOB,
} from '../domain/job-kinds.js';
import type { IncidentNotifier, PlaybookRuntime, UseCaseDeps } from '../incidents/deps.js';
import { failAbandonedStep } from '../incidents/fail-abandoned-step.js';
import { resumeIncidents } from '../incidents/resume-incidents.js';
import { schedulePosture } from '../incidents/watch/scheduled-posture.js';
import { watchJobDied } from '../incidents/watch/watch-job-died.js';
import type { Worker } from '../jobs/create-worker.js';
import { createWorkerLanes } from '../jobs/worker-lanes.js';
import { loadOrCreateLocalKey } from '../secrets/load-or-create-local-key.js';
import type { Logger } from '../util/logger.js';
import { incidentJobHandlers } from './job-handlers.js';
import type { Metrics } from './metrics.js';
import { healthRoute, type Route } from './routes.js';
import { warnIfNoTeam } from './warn-empty-team.js';

/** The phase of a step a job of this kind was running (for a job that failed for good). */
const STEP_PHASE_OF: Readonly<Record<string, 'discover' | 'execute'>> = {
  [DISCOVER_JOB]: 'discover',
  [CONTAIN_DISCOVER_JOB]: 'discover',
  [EXECUTE_JOB]: 'execute',
  [CONTAIN_EXECUTE_JOB]: 'execute',
};

/** What the engine hands the front door (Slack, or the local console) and what it needs back. */
export interface Engine {
  config: Config;
  logger: Logger;
  db: Db;
  worker: Worker;
  deps: UseCaseDeps;
  /** Plain routes every front door serves (`/healthz`, `/metrics`). */
  routes: Route[];
  /** Carries on every open incident from the database (once the front door can draw cards). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface EngineOptions {
  playbooks: PlaybookRuntime;
  /** Redraws cards; the Slack front door's, or one that only logs when there is none. */
  notifier: IncidentNotifier;
  /** Job lease: how soon a job held by a crashed process is picked up again. */
  leaseMs?: number;
  pollIntervalMs?: number;
  /** Jobs of the checklist run at once in this process (default `STEP_JOBS_AT_ONCE`). */
  jobsAtOnce?: number;
  /** An open database to use instead of the configured one (tests); the engine does not close it. */
  db?: Db;
  metrics?: Metrics;
}

/**
 * Checklist jobs one process runs side by side: the start's discoveries read the account at once
 * (a 100,000-number account's three big listings share the provider's rate instead of taking
 * turns), and one step's last few actions no longer leave the rate idle while the next waits. A
 * step that replaces Reclaim's own credential still runs alone (`runsAlone`).
 */
export const STEP_JOBS_AT_ONCE = 3;

/**
 * Config → database (PostgreSQL or PGlite) → migrations → use cases → worker; `resume()` then
 * carries on every open incident from the database. Errors here (bad DATABASE_URL, edited migration) are typed and
 * reach the user as one sentence.
 */
export async function startEngine(config: Config, logger: Logger, options: EngineOptions): Promise<Engine> {
  warnIfNoTeam(config, logger);
  const dataDir = resolve(config.dataDir);
  const secretKey = config.secretKey ?? (await loadOrCreateLocalKey(dataDir));
  const ownsDb = !options.db;
  const db = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir }));
  // Reclaim's own provider access: sealed in the database, so a rotation survives restarts and replicas.
  const connections = createConnectionStore(db, secretKey);
  try {
    const applied = await prepareSchema(db, { ownerUrl: config.databaseOwnerUrl, logger });
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    await syncEnvConnections(db, connections, envCredentials(config));
    // Every replica asks; the queue keeps one job per time the cron expression names.
    if (config.posture) await schedulePosture(db, config.posture.cron, new Date());
  } catch (err) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw err;
  }
  const deps: UseCaseDeps = {
    db,
    logger,
    now: () => new Date(),
    notifier: options.notifier,
    playbooks: options.playbooks,
    approvers: config.approvers,
    hasApproverGroup: Boolean(config.approverGroup),
    responders: config.responders,
    highRiskApprovals: config.highRiskApprovals,
    secretKey,
    connections,
    auditAnchorFile: resolve(config.auditAnchorFile),
    ...(config.watch.hours > 0 ? { watch: config.watch } : {}),
    ...(config.posture ? { posture: config.posture } : {}),
  };
  options.playbooks.useConnections?.(connections);
  // Contain now runs in a lane of its own: it never waits behind the checklist's jobs.
  // The checklist's jobs run STEP_JOBS_AT_ONCE at a time.
  const worker = createWorkerLanes(
    {
      db,
      logger,
      handlers: incidentJobHandlers(deps, options.metrics),
      leaseMs: options.leaseMs ?? 15_000,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      async onDead(job) {
        if (job.kind === WATCH_RUN_JOB || job.kind === WATCH_BASELINE_JOB) {
          await watchJobDied(
            deps,
            String(job.payload.incidentId),
            job.kind,
            Number(job.payload.run ?? 0),
            job.lastError,
          );
          return;
        }
        const phase = STEP_PHASE_OF[job.kind];
        if (!phase) return;
        await failAbandonedStep(deps, String(job.payload.stepId), phase, job.lastError);
      },
    },
    URGENT_JOB_KINDS,
    options.jobsAtOnce ?? STEP_JOBS_AT_ONCE,
  );
  worker.start();
  return {
    config,
    logger,
    db,
    worker,
    deps,
    routes: [
      healthRoute({ database: () => db.ping(), worker: () => worker.isAlive() }),
      ...(options.metrics ? [options.metrics.route] : []),
    ],
    async resume() {
      const resumed = await resumeIncidents(deps);
      if (resumed.incidents > 0) logger.info(resumed, 'open incidents resumed');
      worker.notify();
    },
    async stop() {
      await worker.stop({ graceMs: 6_000 }); // within STOP_DEADLINE_MS
      if (ownsDb) await db.close();
    },
  };
}
