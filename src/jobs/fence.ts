// Fencing tokens: what a job handler checks before each write, so a worker that lost its lease stops.
import type { Queryable } from '../db/db.js';
import { JobError } from './job.js';

/** One claim of a job as its handler carries it: the claim's token and the worker's abort signal. */
export interface Fence {
  token: number;
  /** Aborted when the worker notices the lease was lost, or stops past its grace period. */
  signal: AbortSignal;
}

/** The claim behind a fence is no longer the job's current one: record nothing, stop. */
export class FenceLostError extends JobError {
  constructor(token: number, what: string) {
    super('job_lease_lost', `fencing token ${token} no longer holds its job: ${what} not done`);
  }
}

/**
 * Checks, in the caller's transaction, that the token is still its job's: the job row carries it
 * and is running. The row is locked FOR SHARE until the transaction ends, so the job cannot be
 * claimed again in between (a claim skips locked rows). `beforeWrite` (a provider write is next)
 * also requires the signal not aborted and the lease not expired. Throws FenceLostError otherwise.
 */
export async function holdFence(
  tx: Queryable,
  fence: Fence,
  what: string,
  options: { beforeWrite?: boolean } = {},
): Promise<void> {
  if (options.beforeWrite && fence.signal.aborted) throw abortReason(fence, what);
  const { rows } = await tx.query(
    `SELECT id FROM jobs WHERE fence = $1 AND state = 'running'
       ${options.beforeWrite ? 'AND locked_until > now()' : ''}
     FOR SHARE`,
    [fence.token],
  );
  if (rows.length === 0) throw new FenceLostError(fence.token, what);
}

/** The error to stop with once the signal is aborted: its reason when that is an Error. */
export function abortReason(fence: Fence, what: string): Error {
  const reason: unknown = fence.signal.reason;
  return reason instanceof Error ? reason : new FenceLostError(fence.token, what);
}
