import { rateLimitWaitMs } from '../../rate-limits/rate-limit-wait.js';
import type { AttemptFailure, AttemptInit } from './attempt-failure.js';
import type { HttpMethod, HttpRequest } from './types.js';

export type RetryReason = 'rate_limited' | 'server_error' | 'timeout' | 'network';

export interface RetryPolicy {
  /** Retries after the first attempt (default 5). */
  maxRetries: number;
  /** Most total waiting between attempts, in provider ms (default 60 s). */
  budgetMs: number;
  /** The backoff before retry n (1-based), in provider ms, jitter included. */
  backoffMs(retry: number): number;
}

export interface RetryState {
  method: HttpMethod | 'HEAD';
  /** Retries already made for this request. */
  retries: number;
  /** Provider ms already spent waiting between its attempts (the budget counts these). */
  waitedMs: number;
}

/** One `request()` on its way through the retry loop; the `failed` handler updates the counters. */
export interface RetryCall extends RetryState, Pick<HttpRequest<unknown>, 'operation'> {
  method: HttpMethod;
  /** The path without its query: what logs and errors show. */
  path: string;
  url: string;
  init: AttemptInit;
  attempts: number;
  /** The wait the last 429 asked for, provider ms. */
  retryAfterMs?: number;
}

export type RetryDecision =
  | { retry: true; reason: RetryReason; waitMs: number }
  | {
      retry: false;
      reason: RetryReason | 'final';
      /** Why not: not safe to repeat or a 4xx (`final`), or out of retries / budget. */
      why: 'final' | 'unsafe_write' | 'retries_exhausted' | 'budget_exhausted';
      /** The wait the provider asked for, when it asked (a 429 we gave up on). */
      waitMs?: number;
    };

/** Methods that never change anything, so repeating one after any failure is safe. */
const SAFE_METHODS = new Set<string>(['GET', 'HEAD']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

/**
 * The `failed` handler's judgement on one failed attempt, in provider time (ms before scaling):
 * - 429 → always repeatable (the provider did not process it): wait `Retry-After`, else the reset
 *   header, else backoff;
 * - 5xx → a read waits `Retry-After` or backoff; a write is not repeated (it may have been applied);
 * - timeout → a read backs off; a write is not repeated;
 * - network → backoff when the request is a read or certainly never sent (refused, DNS);
 * - any other status → final.
 * A repeatable failure still stops once `maxRetries` or the waiting budget would be exceeded.
 */
export function decideRetry(
  failure: AttemptFailure,
  state: RetryState,
  policy: RetryPolicy,
  now: number,
): RetryDecision {
  const safe = isSafeMethod(state.method);
  const next = state.retries + 1;
  let reason: RetryReason;
  let waitMs: number;
  let asked: number | undefined;
  if (failure.kind === 'http' && failure.status === 429) {
    reason = 'rate_limited';
    asked = rateLimitWaitMs(failure.headers, now);
    waitMs = asked ?? policy.backoffMs(next);
  } else if (failure.kind === 'http') {
    if (failure.status < 500) return { retry: false, reason: 'final', why: 'final' };
    reason = 'server_error';
    waitMs = rateLimitWaitMs(failure.headers, now) ?? policy.backoffMs(next);
  } else {
    reason = failure.kind;
    waitMs = policy.backoffMs(next);
  }
  const unsent = failure.kind === 'network' && failure.notSent;
  if (!safe && reason !== 'rate_limited' && !unsent) return { retry: false, reason, why: 'unsafe_write' };
  const outOfRetries = state.retries >= policy.maxRetries;
  if (outOfRetries || state.waitedMs + waitMs > policy.budgetMs) {
    const why = outOfRetries ? 'retries_exhausted' : 'budget_exhausted';
    return asked === undefined ? { retry: false, reason, why } : { retry: false, reason, why, waitMs: asked };
  }
  return { retry: true, reason, waitMs };
}
