import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderName } from '../../domain/providers.js';
import { priorityOf } from '../../rate-limits/background.js';
import { createLimiterFactory, type LimiterFactory } from '../../rate-limits/limiter-factory.js';
import { exponentialBackoff } from '../../util/backoff.js';
import type { Logger } from '../../util/logger.js';
import { AttemptDeferred, AttemptFailed, type Exchange, sendAttempt } from './attempt-failure.js';
import { authSecrets, buildInit, buildUrl, type ProviderAuth } from './build-request.js';
import { decideRetry, type RetryCall } from './decide-retry.js';
import type { ProviderObserver } from './observer.js';
import { parseBody } from './parse-body.js';
import { findRequestId } from './parse-error-body.js';
import { bodySecrets } from './redact-text.js';
import { toProviderError } from './to-provider-error.js';
import type { FetchLike, HttpRequest, HttpResponse, ProviderHttp } from './types.js';

export interface ProviderHttpOptions {
  provider: ProviderName | (string & {});
  /** A non-secret name for the account (`env`, a connection label, a hash of a SID): the limiter scope. */
  account: string;
  baseUrl: string;
  auth: ProviderAuth;
  /** The pace: the provider's documented limit (`rateFor`) or `<PROVIDER>_RATE_PER_SEC`. */
  ratePerSec: number;
  /** Default: global `fetch`. Tests and the simulator plug in here. */
  fetch?: FetchLike;
  /** Default: an in-process factory of this client's own (no sharing with other clients). */
  limiters?: LimiterFactory;
  logger: Logger;
  /** Per attempt, sending through reading the whole body (default 15 s, real ms). */
  timeoutMs?: number;
  /** Real ms per provider second (default 1000): every computed wait is scaled by timeUnitMs/1000. */
  timeUnitMs?: number;
  retry?: { maxRetries?: number; budgetMs?: number };
  observer?: ProviderObserver;
  userAgent?: string;
  /** Jitter source in [0, 1) and clock (ms since epoch); tests pin them. */
  random?: () => number;
  now?: () => number;
}

/** Clustered jobs expire this long after their timeout, so a crashed replica frees its slot. */
const EXPIRATION_SLACK_MS = 30_000;

/** First retry waits 0.5–1 s (provider time), doubling up to 30 s, "equal jitter". */
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/** The limiter group (and pace) of one provider account: `telnyx:env`. */
export const limiterKey = (provider: string, account: string): string => `${provider}:${account}`;

/**
 * The one HTTP client every provider uses. Each attempt waits its turn in the account's limiter
 * (`<provider>:<account>`, paced to `ratePerSec`, held back further by the rate headers); a retry
 * loop wraps it. What the request body holds never reaches a log or an error.
 */
export function createProviderHttp(options: ProviderHttpOptions): ProviderHttp {
  const { provider, account, observer, random = Math.random, now = Date.now } = options;
  const { timeUnitMs = 1000, timeoutMs = 15_000, userAgent = 'reclaim/0.1' } = options;
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const limiters = options.limiters ?? createLimiterFactory({ timeUnitMs, logger: options.logger });
  const key = limiterKey(provider, account);
  const limiter = limiters.get(key, options.ratePerSec);
  const pace = limiters.pace(key);
  const expiration = limiters.clustered ? { expiration: timeoutMs + EXPIRATION_SLACK_MS } : {};
  const log = options.logger.child({ provider, account });
  const backoffMs = exponentialBackoff({ baseMs: BACKOFF_BASE_MS, capMs: BACKOFF_CAP_MS, random });
  const { maxRetries = 5, budgetMs = 60_000 } = options.retry ?? {};
  const policy = { maxRetries, budgetMs, backoffMs };
  const scale = (ms: number) => Math.max(0, Math.round((ms * timeUnitMs) / 1000));

  /**
   * The one `failed` handler, in the manner of octokit/plugin-throttling's: classifies the failed
   * attempt (`decideRetry`), pauses the account's limiter group for as long as a 429 asks, and
   * returns the real ms to wait before running the attempt again — or `undefined`, which lets the
   * failure through to the caller. The retry loop calls it after every failed attempt.
   */
  function failed(error: unknown, call: RetryCall): number | undefined {
    if (error instanceof AttemptDeferred) return error.waitMs;
    if (!(error instanceof AttemptFailed)) return undefined;
    const { operation, method, path } = call;
    const failure = error.failure;
    const decision = decideRetry(failure, call, policy, now());
    const status = failure.kind === 'http' ? failure.status : failure.kind;
    if (status === 429 && decision.waitMs !== undefined) {
      call.retryAfterMs = decision.waitMs;
      const delayMs = scale(Math.min(decision.waitMs, budgetMs));
      limiters.pause(key, delayMs);
      observer?.rateLimited({ provider, account, operation, retryAfterMs: decision.waitMs, delayMs });
    }
    if (!decision.retry) {
      log.debug({ operation, method, path, status, why: decision.why }, 'provider request not retried');
      return undefined;
    }
    call.retries += 1;
    const retry = call.retries;
    call.waitedMs += decision.waitMs;
    const delayMs = scale(decision.waitMs);
    log.warn({ operation, method, path, status, retry, delayMs }, 'provider request failed; retrying');
    const { reason, waitMs: nominalDelayMs } = decision;
    observer?.retryScheduled?.({ provider, operation, method, reason, retry, nominalDelayMs, delayMs });
    return delayMs;
  }

  /**
   * Attempts until one succeeds or the `failed` handler says stop. A plain loop, not a second
   * limiter: on a busy event loop, a Bottleneck per client added its own queue in front of the
   * account's (each job of it waits for a timer turn), ~100 ms a request at 200 requests/s.
   */
  async function withRetries(call: RetryCall): Promise<Exchange> {
    for (;;) {
      try {
        const job = { priority: priorityOf(call.retries), ...expiration };
        return await limiter.schedule(job, () => attempt(call));
      } catch (err) {
        const delayMs = failed(err, call);
        if (delayMs === undefined) throw err;
        await sleep(delayMs);
      }
    }
  }

  async function attempt(call: RetryCall): Promise<Exchange> {
    const paused = limiters.pausedFor(key);
    if (paused > 0) throw new AttemptDeferred(paused);
    // The rate headers said nothing more is allowed before their reset: hold the group till then.
    const spent = pace?.waitMs() ?? 0;
    if (spent > 0) {
      limiters.pause(key, spent);
      throw new AttemptDeferred(spent);
    }
    call.attempts += 1;
    const seq = pace?.sending() ?? 0;
    const started = performance.now();
    let answer: Exchange | undefined;
    try {
      answer = await sendAttempt(fetchFn, call.url, call.init, timeoutMs);
      return answer;
    } catch (err) {
      if (err instanceof AttemptFailed && err.failure.kind === 'http') answer = err.failure;
      throw err;
    } finally {
      const durationMs = performance.now() - started;
      pace?.answered(seq, durationMs, answer?.headers, now());
      const { operation, method, path, attempts: attempt } = call;
      const status = answer?.status ?? 'error';
      observer?.requestFinished({ provider, operation, method, status, durationMs, attempt });
      log.debug({ operation, method, path, status, attempt, durationMs }, 'provider request');
    }
  }

  return {
    provider,
    async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
      const where = { operation: req.operation, method: req.method, path: req.shownPath ?? req.path };
      const call: RetryCall = {
        ...where,
        url: buildUrl(options.baseUrl, req.path, req.query),
        init: { method: req.method, ...buildInit(options.auth, userAgent, req.body) },
        attempts: 0,
        retries: 0,
        waitedMs: 0,
      };
      const exchange = await withRetries(call).catch((err: unknown) => {
        // A path with a secret in it (see shownPath) is scrubbed like one from a network error's text.
        const pathSecrets = req.shownPath ? [req.path] : [];
        const secrets = [...authSecrets(options.auth), ...bodySecrets(req.body), ...pathSecrets];
        throw toProviderError(err, call, { provider, timeoutMs, secrets });
      });
      const requestId = findRequestId(exchange.headers, '');
      const status = exchange.status;
      const data = parseBody(exchange.text, req.schema, { provider, ...where, status, requestId });
      return { status, data, headers: exchange.headers, requestId: requestId ?? undefined };
    },
  };
}
