import type { Queryable } from '../db/db.js';
import type { PayloadOf } from '../domain/job-kinds.js';
import { type Job, JobError, type JobRow, toJob } from './job.js';

/**
 * The job queue over the `jobs` table. Every time is the database's clock (`now()`), so several
 * processes agree on leases and run_at. A claim holds a lease; a job whose lease ran out (its
 * worker died) is claimed again, until it has been claimed `max_attempts` times, then it is dead.
 * Every claim draws a new fencing token from one sequence (`fence`, larger than any before it);
 * passing it to complete/fail/release/extend makes them act only for that very claim.
 */

const JOB_COLUMNS =
  'id, kind, payload, state, attempts, max_attempts, run_at, locked_by, locked_until, last_error, fence';
/** Matches the claim: the worker, and (when given) the fencing token that claim drew. */
const HELD = (worker: string, fence: string) =>
  `locked_by = ${worker} AND state = 'running' AND (${fence}::bigint IS NULL OR fence = ${fence}::bigint)`;
const ms = (param: string) => `(${param}::float8 * interval '1 millisecond')`;

/** A job to insert; an incident job kind (domain/job-kinds) must carry its typed payload. */
export interface NewJob<K extends string = string> {
  kind: K;
  payload?: PayloadOf<K>;
  /** Not before now() + delayMs (default: at once). */
  delayMs?: number;
  /** Claims allowed before the job is dead (default: the table's, 5). */
  maxAttempts?: number;
  /** While a job with this key is queued or running, another enqueue with it does nothing. */
  dedupeKey?: string;
}

/** Inserts a job (in the caller's transaction, if `q` is one); null when a live job has the same dedupeKey. */
export async function enqueueJob<K extends string>(
  q: Queryable,
  job: NewJob<K>,
): Promise<{ id: number } | null> {
  const maxAttempts = job.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new JobError('job_invalid', `maxAttempts must be a whole number of at least 1, not ${maxAttempts}`);
  }
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, max_attempts, run_at, dedupe_key)
     VALUES ($1, $2::jsonb, $3, now() + ${ms('$4')}, $5)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running') DO NOTHING
     RETURNING id`,
    [
      job.kind,
      JSON.stringify(job.payload ?? {}),
      maxAttempts,
      Math.max(0, job.delayMs ?? 0),
      job.dedupeKey ?? null,
    ],
  );
  return rows[0] ? { id: rows[0].id } : null;
}

export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  /** Only these kinds (default: any). */
  kinds?: readonly string[];
}

const KIND_FILTER = '($3::text[] IS NULL OR kind = ANY($3::text[]))';

/**
 * In one statement: marks dead every job whose lease expired on its last allowed attempt, and
 * claims the next due job (queued and due, or running with an expired lease) with SKIP LOCKED,
 * so concurrent workers never take the same one. Returns the claimed job and the ones declared dead.
 */
export async function claimNextJob(
  q: Queryable,
  options: ClaimOptions,
): Promise<{ job: Job | null; dead: Job[] }> {
  if (!(options.leaseMs > 0))
    throw new JobError('job_invalid', `leaseMs must be positive, not ${options.leaseMs}`);
  const { rows } = await q.query<JobRow & { outcome: 'claimed' | 'dead' }>(
    `WITH dead AS (
       UPDATE jobs SET state = 'failed', locked_by = NULL, locked_until = NULL, updated_at = now(),
         last_error = 'lease expired on attempt ' || attempts || ' of ' || max_attempts
           || ': the worker running it stopped responding'
       WHERE id IN (
         SELECT id FROM jobs
         WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts AND ${KIND_FILTER}
         FOR UPDATE SKIP LOCKED)
       RETURNING ${JOB_COLUMNS}
     ), claimed AS (
       UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $1,
         locked_until = now() + ${ms('$2')}, updated_at = now(), fence = nextval('job_fence_seq'),
         last_error = CASE WHEN state = 'running'
           THEN 'lease expired on attempt ' || attempts || ': the worker running it stopped responding'
           ELSE last_error END
       WHERE id = (
         SELECT id FROM jobs
         WHERE ((state = 'queued' AND run_at <= now())
             OR (state = 'running' AND locked_until < now() AND attempts < max_attempts))
           AND ${KIND_FILTER}
         ORDER BY run_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
       RETURNING ${JOB_COLUMNS}
     )
     SELECT 'claimed' AS outcome, * FROM claimed
     UNION ALL
     SELECT 'dead' AS outcome, * FROM dead`,
    [options.workerId, options.leaseMs, options.kinds ? [...options.kinds] : null],
  );
  const claimed = rows.find((r) => r.outcome === 'claimed');
  return { job: claimed ? toJob(claimed) : null, dead: rows.filter((r) => r.outcome === 'dead').map(toJob) };
}

/** Claims the next due job for `workerId` with a lease of `leaseMs`; null when none is due. */
export async function claimJob(q: Queryable, options: ClaimOptions): Promise<Job | null> {
  return (await claimNextJob(q, options)).job;
}

/** Marks the job done, only if it is still running under this worker (and claim); false if it is no longer ours. */
export async function completeJob(
  q: Queryable,
  id: number,
  workerId: string,
  fence?: number | null,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE jobs SET state = 'done', locked_until = NULL, updated_at = now()
     WHERE id = $1 AND ${HELD('$2', '$3')}`,
    [id, workerId, fence ?? null],
  );
  return rowCount === 1;
}

/**
 * Records a failed attempt. With attempts left the job is queued again at now() + retryDelayMs
 * ('retrying'); otherwise, or when `permanent`, it is failed for good ('dead'). 'lost' when the job
 * is no longer running under this worker (its lease expired and someone else took it).
 */
export async function failJob(
  q: Queryable,
  id: number,
  workerId: string,
  error: string,
  retryDelayMs: number,
  options: { permanent?: boolean; fence?: number | null } = {},
): Promise<'retrying' | 'dead' | 'lost'> {
  const { rows } = await q.query<{ state: 'queued' | 'failed' }>(
    `UPDATE jobs SET
       state = CASE WHEN attempts < max_attempts AND NOT $5 THEN 'queued' ELSE 'failed' END,
       run_at = CASE WHEN attempts < max_attempts AND NOT $5 THEN now() + ${ms('$4')} ELSE run_at END,
       locked_by = NULL, locked_until = NULL, last_error = $3, updated_at = now()
     WHERE id = $1 AND ${HELD('$2', '$6')}
     RETURNING state`,
    [id, workerId, error, Math.max(0, retryDelayMs), options.permanent === true, options.fence ?? null],
  );
  if (!rows[0]) return 'lost';
  return rows[0].state === 'queued' ? 'retrying' : 'dead';
}

/** Gives the job back (queued, due now) without counting the attempt; false if it is no longer ours. */
export async function releaseJob(
  q: Queryable,
  id: number,
  workerId: string,
  fence?: number | null,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE jobs SET state = 'queued', run_at = now(), attempts = GREATEST(attempts - 1, 0),
       locked_by = NULL, locked_until = NULL, updated_at = now()
     WHERE id = $1 AND ${HELD('$2', '$3')}`,
    [id, workerId, fence ?? null],
  );
  return rowCount === 1;
}

/** Sets the lease to end at now() + leaseMs; false if the job is no longer running under this worker. */
export async function extendLease(
  q: Queryable,
  id: number,
  workerId: string,
  leaseMs: number,
  fence?: number | null,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE jobs SET locked_until = now() + ${ms('$3')}, updated_at = now()
     WHERE id = $1 AND ${HELD('$2', '$4')}`,
    [id, workerId, leaseMs, fence ?? null],
  );
  return rowCount === 1;
}

/** One job by id (tests, operators); null when there is none. */
export async function getJob(q: Queryable, id: number): Promise<Job | null> {
  const { rows } = await q.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return rows[0] ? toJob(rows[0]) : null;
}
