import type { LimiterFactory } from '../../rate-limits/limiter-factory.js';
import { exponentialBackoff } from '../../util/backoff.js';
import type { Logger } from '../../util/logger.js';
import { AttemptDeferred, AttemptFailed } from './attempt-failure.js';
import { decideRetry } from './decide-retry.js';
import type { ProviderObserver } from './observer.js';
import type { AttemptInit } from './send-attempt.js';
import type { HttpMethod } from './types.js';

/** One `request()` on its way through the retry limiter; the handler updates the counters. */
export interface RetryCall {
  operation: string;
  method: HttpMethod;
  /** The path without its query: what logs and errors show. */
  path: string;
  url: string;
  init: AttemptInit;
  attempts: number;
  retries: number;
  /** Provider ms waited so far between attempts (the budget counts these). */
  waitedMs: number;
  /** The wait the last 429 asked for, provider ms. */
  retryAfterMs?: number;
}

export interface FailedHandlerSetup {
  provider: string;
  account: string;
  /** The limiter group to pause when a 429 arrives. */
  key: string;
  limiters: LimiterFactory;
  log: Logger;
  timeUnitMs: number;
  maxRetries: number;
  budgetMs: number;
  random: () => number;
  now: () => number;
  observer?: ProviderObserver;
}

/** First retry waits 0.5–1 s (provider time), doubling up to 30 s, "equal jitter". */
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * The one `failed` handler, in the manner of octokit/plugin-throttling's: classifies the failed
 * attempt (`decideRetry`), pauses the account's limiter group for as long as a 429 asks, and
 * returns the real ms to wait before running the attempt again — or `undefined`, which lets the
 * failure through to the caller. The client's retry loop calls it after every failed attempt.
 */
export function createFailedHandler(setup: FailedHandlerSetup) {
  const backoffMs = exponentialBackoff({
    baseMs: BACKOFF_BASE_MS,
    capMs: BACKOFF_CAP_MS,
    random: setup.random,
  });
  const policy = { maxRetries: setup.maxRetries, budgetMs: setup.budgetMs, backoffMs };
  const scale = (ms: number) => Math.max(0, Math.round((ms * setup.timeUnitMs) / 1000));

  return (error: unknown, call: RetryCall): number | undefined => {
    if (error instanceof AttemptDeferred) return error.waitMs;
    if (!(error instanceof AttemptFailed)) return undefined;
    const failure = error.failure;
    const decision = decideRetry(failure, call, policy, setup.now());
    const status = failure.kind === 'http' ? failure.status : failure.kind;
    const rateLimited = failure.kind === 'http' && failure.status === 429;
    if (rateLimited && decision.waitMs !== undefined) {
      call.retryAfterMs = decision.waitMs;
      const delayMs = scale(Math.min(decision.waitMs, setup.budgetMs));
      setup.limiters.pause(setup.key, delayMs);
      setup.observer?.rateLimited({
        provider: setup.provider,
        account: setup.account,
        operation: call.operation,
        retryAfterMs: decision.waitMs,
        delayMs,
      });
    }
    if (!decision.retry) {
      setup.log.debug(
        { operation: call.operation, method: call.method, path: call.path, status, why: decision.why },
        'provider request not retried',
      );
      return undefined;
    }
    call.retries += 1;
    call.waitedMs += decision.waitMs;
    const delayMs = scale(decision.waitMs);
    setup.log.warn(
      {
        operation: call.operation,
        method: call.method,
        path: call.path,
        status,
        retry: call.retries,
        delayMs,
      },
      'provider request failed; retrying',
    );
    setup.observer?.retryScheduled?.({
      provider: setup.provider,
      operation: call.operation,
      method: call.method,
      reason: decision.reason,
      retry: call.retries,
      nominalDelayMs: decision.waitMs,
      delayMs,
    });
    return delayMs;
  };
}
