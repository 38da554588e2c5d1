import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderName } from '../../domain/providers.js';
import { priorityOf } from '../../rate-limits/background.js';
import { createLimiterFactory, type LimiterFactory } from '../../rate-limits/limiter-factory.js';
import type { Logger } from '../../util/logger.js';
import { AttemptDeferred, AttemptFailed } from './attempt-failure.js';
import { authSecrets, buildInit, buildUrl, type ProviderAuth } from './build-request.js';
import { createFailedHandler, type RetryCall } from './create-failed-handler.js';
import type { ProviderObserver } from './observer.js';
import { parseBody } from './parse-body.js';
import { findRequestId } from './parse-error-body.js';
import type { ProviderError } from './provider-error.js';
import { bodySecrets, scrubbedCause } from './redact-text.js';
import { type Exchange, sendAttempt } from './send-attempt.js';
import { toProviderError, unsentFailure } from './to-provider-error.js';
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

/** The limiter group (and pace) of one provider account: `telnyx:env`. */
export const limiterKey = (provider: string, account: string): string => `${provider}:${account}`;

/**
 * The one HTTP client every provider uses. Each attempt waits its turn in the account's limiter
 * (`<provider>:<account>`, paced to `ratePerSec`, held back further by the rate headers); a retry
 * loop wraps it, and its one `failed` handler classifies a failed attempt and returns how long to
 * wait before the next, in the manner of octokit/plugin-throttling. What the request body holds never reaches a log or an error.
 */
export function createProviderHttp(options: ProviderHttpOptions): ProviderHttp {
  const timeUnitMs = options.timeUnitMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const limiters = options.limiters ?? createLimiterFactory({ timeUnitMs, logger: options.logger });
  const key = limiterKey(options.provider, options.account);
  const limiter = limiters.get(key, options.ratePerSec);
  const pace = limiters.pace(key);
  const userAgent = options.userAgent ?? 'reclaim/0.1';
  const log = options.logger.child({ provider: options.provider, account: options.account });
  const observer = options.observer;
  const failed = createFailedHandler({
    provider: options.provider,
    account: options.account,
    key,
    limiters,
    log,
    timeUnitMs,
    maxRetries: options.retry?.maxRetries ?? 5,
    budgetMs: options.retry?.budgetMs ?? 60_000,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    ...(observer ? { observer } : {}),
  });

  /**
   * Attempts until one succeeds or the `failed` handler says stop. A plain loop, not a second
   * limiter: on a busy event loop, a Bottleneck per client added its own queue in front of the
   * account's (each job of it waits for a timer turn), ~100 ms a request at 200 requests/s.
   */
  async function withRetries(call: RetryCall): Promise<Exchange> {
    for (;;) {
      try {
        return await attempt(call);
      } catch (err) {
        const delayMs = failed(err, call);
        if (delayMs === undefined) throw err;
        await sleep(delayMs);
      }
    }
  }

  async function attempt(call: RetryCall): Promise<Exchange> {
    const run = async () => {
      const paused = limiters.pausedFor(key);
      if (paused > 0) throw new AttemptDeferred(paused);
      // The rate headers said nothing more is allowed before their reset: hold the group till then.
      const spent = pace?.waitMs() ?? 0;
      if (spent > 0) {
        limiters.pause(key, spent);
        throw new AttemptDeferred(spent);
      }
      call.attempts += 1;
      const n = call.attempts;
      const seq = pace?.sending() ?? 0;
      const started = performance.now();
      let status: number | 'error' = 'error';
      let headers: Headers | undefined;
      try {
        const exchange = await sendAttempt(fetchFn, call.url, call.init, timeoutMs);
        status = exchange.status;
        headers = exchange.headers;
        return exchange;
      } catch (err) {
        if (err instanceof AttemptFailed && err.failure.kind === 'http') {
          status = err.failure.status;
          headers = err.failure.headers;
        }
        throw err;
      } finally {
        const durationMs = performance.now() - started;
        pace?.answered(seq, durationMs, headers, (options.now ?? Date.now)());
        const { operation, method } = call;
        observer?.requestFinished({
          provider: options.provider,
          operation,
          method,
          status,
          durationMs,
          attempt: n,
        });
        log.debug({ operation, method, path: call.path, status, attempt: n, durationMs }, 'provider request');
      }
    };
    const jobOptions = {
      priority: priorityOf(call.retries),
      ...(limiters.clustered ? { expiration: timeoutMs + EXPIRATION_SLACK_MS } : {}),
    };
    return limiter.schedule(jobOptions, run);
  }

  return {
    provider: options.provider,
    async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
      const call: RetryCall = {
        operation: req.operation,
        method: req.method,
        path: req.shownPath ?? req.path,
        url: buildUrl(options.baseUrl, req.path, req.query),
        init: { method: req.method, ...buildInit(options.auth, userAgent, req.body) },
        attempts: 0,
        retries: 0,
        waitedMs: 0,
      };
      let exchange: Exchange;
      try {
        exchange = await withRetries(call);
      } catch (err) {
        // A path with a secret in it (see shownPath) is scrubbed like one from a network error's text.
        const pathSecrets = req.shownPath ? [req.path] : [];
        throw finalError(err, call, [...authSecrets(options.auth), ...bodySecrets(req.body), ...pathSecrets]);
      }
      const requestId = findRequestId(exchange.headers, '');
      const data = parseBody(exchange.text, req.schema, {
        provider: options.provider,
        operation: call.operation,
        method: call.method,
        path: call.path,
        status: exchange.status,
        requestId,
      });
      return { status: exchange.status, data, headers: exchange.headers, requestId: requestId ?? undefined };
    },
  };

  function finalError(err: unknown, call: RetryCall, secrets: string[]): ProviderError {
    const ctx = {
      provider: options.provider,
      operation: call.operation,
      method: call.method,
      path: call.path,
      attempts: call.attempts,
      timeoutMs,
      secrets,
      ...(call.retryAfterMs === undefined ? {} : { retryAfterMs: call.retryAfterMs }),
    };
    if (!(err instanceof AttemptFailed)) return unsentFailure(err, ctx);
    const cause = err.failure.kind === 'network' ? scrubbedCause(err.cause, secrets) : undefined;
    return toProviderError(err.failure, ctx, cause);
  }
}
