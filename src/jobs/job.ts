import { ReclaimError } from '../domain/errors.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** One row of the `jobs` table, as the queue hands it out. */
export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  state: JobState;
  /** Claims so far, this one included (a graceful release gives its claim back). */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  /** The fencing token of the latest claim (null until first claimed); each claim draws a larger one. */
  fence: number | null;
}

/** What a handler is given besides its job. */
export interface JobContext {
  /** Aborted when the worker stops past its grace period, or when the job's lease was lost. */
  signal: AbortSignal;
  /**
   * This claim's fencing token: the job row holds it until the job is claimed again (its lease
   * expired), finished or released. Writes are made and recorded only while it still matches.
   */
  fence: number;
  /** Pushes the lease out by another lease period; throws `job_lease_lost` if the job is no longer ours. */
  extendLease(): Promise<void>;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

/** A queue or worker failure with a string code (`job_lease_lost`, `job_unknown_kind`, `worker_stopping`). */
export class JobError extends ReclaimError {}

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  state: JobState;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  fence: number | null;
}

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    state: r.state,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lockedBy: r.locked_by,
    lockedUntil: r.locked_until,
    lastError: r.last_error,
    fence: r.fence,
  };
}
