import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/db.js';
import { normaliseError } from '../domain/errors.js';
import { exponentialBackoff } from '../util/backoff.js';
import type { Logger } from '../util/logger.js';
import type { Job, JobHandler } from './job.js';
import { claimNextJob, releaseJob } from './queue.js';
import { type RunJobDeps, reportDead, runJob, WORKER_STOPPING } from './run-job.js';

/** How long an idle worker waits between looks at the queue, when not told. */
export const DEFAULT_POLL_INTERVAL_MS = 500;

export interface WorkerOptions {
  db: Db;
  logger: Logger;
  /** Handlers by job kind; a claimed job of any other kind fails for good with a clear error. */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Only jobs of these kinds (default: any): a lane of its own for urgent work. */
  kinds?: readonly string[];
  /** Unique per process (default: host:pid:random). */
  workerId?: string;
  /** How long an idle worker waits before looking for due jobs again (default 500 ms). */
  pollIntervalMs?: number;
  /** How long a claim holds a job without a heartbeat (default 60 s); heartbeats come every leaseMs/3. */
  leaseMs?: number;
  /** Delay before retrying a job whose handler threw on attempt n (default: exponential with jitter, capped). */
  backoffMs?: (attempt: number) => number;
  /** Told when a job fails for good: last attempt threw, unknown kind, or leases kept expiring. */
  onDead?: (job: Job) => Promise<void>;
  /** Told when this worker has claimed a job, before it runs (more may be due: wake a sibling). */
  onClaimed?: (job: Job) => void;
}

export interface Worker {
  start(): void;
  /** Stops claiming; waits up to graceMs (default 10 s) for the current job, then aborts and releases it. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Looks for due jobs now instead of at the next poll (e.g. after an enqueue). */
  notify(): void;
  /** The loop runs and has ticked lately (for /healthz). */
  isAlive(): boolean;
  lastTickAt(): Date | null;
}

/**
 * A worker loop that runs one job at a time. Any error in the loop (e.g. the database briefly
 * unavailable) is logged and retried after the poll interval; it never ends the loop.
 */
export function createWorker(options: WorkerOptions): Worker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const leaseMs = options.leaseMs ?? 60_000;
  const logger = options.logger.child({ workerId });
  // A tick is due at least every poll interval when idle, and every heartbeat while a job runs.
  const aliveWindowMs = 3 * Math.max(pollIntervalMs, leaseMs / 3);

  let loop: Promise<void> | null = null;
  let stopping = false;
  let lastTick: Date | null = null;
  let current: AbortController | null = null;
  let wake: (() => void) | null = null;
  let wakePending = false;

  const deps: RunJobDeps = {
    db: options.db,
    logger,
    workerId,
    leaseMs,
    handlers: options.handlers,
    backoffMs: options.backoffMs ?? exponentialBackoff(),
    ...(options.onDead ? { onDead: options.onDead } : {}),
    onHeartbeat: () => {
      lastTick = new Date();
    },
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakePending || stopping) {
        wakePending = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  /** One claim and, if a job was due, its run; true when a job ran (look again at once). */
  async function tick(): Promise<boolean> {
    lastTick = new Date();
    wakePending = false;
    const { job, dead } = await claimNextJob(options.db, {
      workerId,
      leaseMs,
      ...(options.kinds ? { kinds: options.kinds } : {}),
    });
    for (const d of dead) {
      logger.error(
        { jobId: d.id, kind: d.kind, attempts: d.attempts },
        `job failed for good: ${d.lastError}`,
      );
      await reportDead(deps, d);
    }
    if (!job) return dead.length > 0;
    if (stopping) {
      await releaseJob(options.db, job.id, workerId);
      return false;
    }
    options.onClaimed?.(job);
    current = new AbortController();
    try {
      await runJob(deps, job, current);
    } finally {
      current = null;
    }
    return true;
  }

  async function run(): Promise<void> {
    logger.info({ pollIntervalMs, leaseMs }, 'job worker started');
    while (!stopping) {
      let busy = false;
      try {
        busy = await tick();
      } catch (err) {
        const e = normaliseError(err);
        logger.warn({ code: e.code }, `job loop error, retrying after the poll interval: ${e.message}`);
      }
      if (!busy && !stopping) await sleep(pollIntervalMs);
    }
    logger.info('job worker stopped');
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      lastTick = new Date();
      loop = run().finally(() => {
        loop = null;
      });
    },
    async stop(stopOptions = {}) {
      stopping = true;
      wake?.();
      const running = loop;
      if (!running) return;
      const timer = setTimeout(() => current?.abort(WORKER_STOPPING), stopOptions.graceMs ?? 10_000);
      try {
        await running;
      } finally {
        clearTimeout(timer);
      }
    },
    notify() {
      if (wake) wake();
      else wakePending = true;
    },
    isAlive() {
      return (
        loop !== null && !stopping && lastTick !== null && Date.now() - lastTick.getTime() <= aliveWindowMs
      );
    },
    lastTickAt: () => lastTick,
  };
}
