import type { RetryReason } from './decide-retry.js';

/**
 * Hooks for metrics and tests; every one is called synchronously and must not throw. Times are
 * real ms except `retryAfterMs`/`nominalDelayMs`, which are what the provider (or the backoff)
 * asked for before the client's time unit scaled them.
 */
export interface ProviderObserver {
  /** After every HTTP exchange (each attempt, retries included); `error` when no status came. */
  requestFinished(e: {
    provider: string;
    operation: string;
    method: string;
    status: number | 'error';
    durationMs: number;
    attempt: number;
  }): void;
  /** A 429 arrived; the limiter's group is paused for `delayMs`. */
  rateLimited(e: {
    provider: string;
    account: string;
    operation: string;
    retryAfterMs: number;
    delayMs: number;
  }): void;
  /** The `failed` handler decided to try again after `delayMs`: the value it returned to Bottleneck. */
  retryScheduled?(e: {
    provider: string;
    operation: string;
    method: string;
    reason: RetryReason;
    retry: number;
    nominalDelayMs: number;
    delayMs: number;
  }): void;
}
