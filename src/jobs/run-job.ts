import type { Db } from '../db/db.js';
import { normaliseError } from '../domain/errors.js';
import { JOB_PAYLOAD_INVALID } from '../domain/job-kinds.js';
import type { Logger } from '../util/logger.js';
import { type Job, JobError, type JobHandler } from './job.js';
import { completeJob, extendLease, failJob, releaseJob } from './queue.js';

export interface RunJobDeps {
  db: Db;
  logger: Logger;
  workerId: string;
  leaseMs: number;
  handlers: Readonly<Record<string, JobHandler>>;
  backoffMs: (attempt: number) => number;
  /** Called when a job has failed for good (already marked failed in the table). */
  onDead?: (job: Job) => Promise<void>;
  /** Called on every heartbeat, so the worker counts as alive while a long handler runs. */
  onHeartbeat(): void;
}

/** The abort reason when the worker stops and the handler did not finish within the grace period. */
export const WORKER_STOPPING = new JobError('worker_stopping', 'the worker is stopping');

type Outcome = { kind: 'succeeded' } | { kind: 'threw'; err: unknown } | { kind: 'aborted' };

/**
 * Runs one claimed job: heartbeats its lease every leaseMs/3, then records the result. A handler
 * that throws is retried with backoff (or dead after its last attempt); an unknown kind or a
 * malformed payload is dead at once. When `controller` is aborted with WORKER_STOPPING the job is
 * released without counting the attempt; when the lease is lost the signal tells the handler to
 * stop, the worker waits (up to a lease) for it to settle, and the job is left to whoever holds it
 * now. Every record is made under this claim's fencing token, so a stale run records nothing.
 */
export async function runJob(deps: RunJobDeps, job: Job, controller: AbortController): Promise<void> {
  const handler = Object.hasOwn(deps.handlers, job.kind) ? deps.handlers[job.kind] : undefined;
  if (!handler) {
    const err = new JobError('job_unknown_kind', `no handler is registered for job kind "${job.kind}"`);
    await recordFailure(deps, job, err, true);
    return;
  }
  const fence = job.fence;
  if (fence === null)
    throw new JobError('job_invalid', `job ${job.id} was handed out without a fencing token`);
  const { signal } = controller;
  const extend = async (): Promise<void> => {
    if (await extendLease(deps.db, job.id, deps.workerId, deps.leaseMs, fence)) return;
    const lost = new JobError('job_lease_lost', `job ${job.id} is no longer held by worker ${deps.workerId}`);
    if (!signal.aborted) controller.abort(lost);
    throw lost;
  };
  const heartbeat = setInterval(
    () => {
      deps.onHeartbeat();
      extend().catch((err: unknown) => {
        const e = normaliseError(err);
        deps.logger.warn(
          { jobId: job.id, kind: job.kind, code: e.code },
          `job lease not extended: ${e.message}`,
        );
      });
    },
    Math.max(1, Math.floor(deps.leaseMs / 3)),
  );
  const settled = Promise.resolve()
    .then(() => handler(job, { signal, fence, extendLease: extend }))
    .then(
      (): Outcome => ({ kind: 'succeeded' }),
      (err: unknown): Outcome => ({ kind: 'threw', err }),
    );
  let outcome: Outcome;
  try {
    outcome = await Promise.race([settled, whenAborted(signal)]);
  } finally {
    clearInterval(heartbeat);
  }

  const fields = { jobId: job.id, kind: job.kind, attempt: job.attempts };
  if (outcome.kind === 'succeeded') {
    if (await completeJob(deps.db, job.id, deps.workerId, fence)) return;
    deps.logger.warn(fields, 'job finished after its lease was lost; its result was not recorded');
  } else if (signal.aborted && signal.reason === WORKER_STOPPING) {
    const released = await releaseJob(deps.db, job.id, deps.workerId, fence);
    deps.logger.info({ ...fields, released }, 'worker stopping: job released for another worker');
  } else if (signal.aborted) {
    // Not another job while this one's handler still runs: it was told to stop, give it a lease.
    const stopped = await Promise.race([settled.then(() => true), sleep(deps.leaseMs).then(() => false)]);
    deps.logger.warn(
      { ...fields, handlerStopped: stopped },
      'job lease lost: left to the worker that holds it now',
    );
  } else {
    const { err } = outcome as { err: unknown };
    await recordFailure(deps, job, err, normaliseError(err).code === JOB_PAYLOAD_INVALID);
  }
}

async function recordFailure(deps: RunJobDeps, job: Job, err: unknown, permanent: boolean): Promise<void> {
  const e = normaliseError(err);
  const lastError = `${e.code}: ${e.message}`;
  const delay = permanent ? 0 : deps.backoffMs(job.attempts);
  const result = await failJob(deps.db, job.id, deps.workerId, lastError, delay, {
    permanent,
    fence: job.fence,
  });
  const fields = {
    jobId: job.id,
    kind: job.kind,
    attempt: job.attempts,
    maxAttempts: job.maxAttempts,
    code: e.code,
  };
  if (result === 'retrying') {
    deps.logger.warn({ ...fields, retryInMs: delay }, `job failed, will retry: ${e.message}`);
  } else if (result === 'dead') {
    deps.logger.error(fields, `job failed for good: ${e.message}`);
    await reportDead(deps, { ...job, state: 'failed', lockedBy: null, lockedUntil: null, lastError });
  } else {
    deps.logger.warn(fields, `job failed after its lease was lost: ${e.message}`);
  }
}

/** Tells `onDead` (if any) that a job failed for good; its own failure is logged, never thrown. */
export async function reportDead(deps: Pick<RunJobDeps, 'logger' | 'onDead'>, job: Job): Promise<void> {
  if (!deps.onDead) return;
  try {
    await deps.onDead(job);
  } catch (err) {
    const e = normaliseError(err);
    deps.logger.error({ jobId: job.id, kind: job.kind, code: e.code }, `onDead handler failed: ${e.message}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function whenAborted(signal: AbortSignal): Promise<Outcome> {
  if (signal.aborted) return Promise.resolve({ kind: 'aborted' });
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true }),
  );
}
