/**
 * Requests per second the client paces itself to, per provider and account, unless
 * `<PROVIDER>_RATE_PER_SEC` says otherwise. Where a provider publishes no number, the default is
 * chosen low enough that a server enforcing it rarely answers 429, yet high enough that a large
 * account (2,000 numbers, 200 connections) is read and repaired in minutes, not hours.
 */
export const DOCUMENTED_RATES = {
  /**
   * Telnyx publishes no number. "Rate limiting" (developers.telnyx.com/development/api-fundamentals/
   * reliability/rate-limiting) says most api.telnyx.com endpoints are limited, that the limits "are
   * typically static, but are subject to change", and reports them per response in
   * `x-ratelimit-limit` / `x-ratelimit-remaining` / `x-ratelimit-reset` (seconds until reset), with
   * 429 and error code 10011 when exceeded. 10/s: one listing page of 250 every 100 ms and a
   * 300-number repair in ~30 s, while staying well under any per-account API limit in practice.
   */
  telnyx: 10,
  /**
   * Twilio limits concurrency, not rate: error 20429 (twilio.com/docs/api/errors/20429) and the
   * support article "Twilio API response Error 429 Too Many Requests" say an account sending too
   * many concurrent REST requests gets 429, which is never processed and always safe to retry;
   * the official pages give no number, other sources cite 100 concurrent requests per account.
   * 20/s with at most 20 in flight (see `maxConcurrentFor`) stays a fifth of that even at 500 ms
   * per request.
   */
  twilio: 20,
  /**
   * SendGrid v3 limits each endpoint per "refresh period" and reports it in `X-RateLimit-Limit` /
   * `X-RateLimit-Remaining` / `X-RateLimit-Reset` (a Unix epoch second) — twilio.com/docs/sendgrid/
   * api-reference/how-to-use-the-sendgrid-v3-api/rate-limits; the numbers on that page (500, 150)
   * are examples, not limits. The one published default is 600 requests/minute/user (Twilio
   * changelog, 2019-10-10, "Imposing Rate Limits on some SendGrid V2 API Endpoints") = 10/s;
   * 5/s is half of it, because per-endpoint limits vary and some are lower.
   */
  sendgrid: 5,
} as const satisfies Record<string, number>;

/** For a provider not in the table: slow enough for any API we are likely to meet. */
export const FALLBACK_RATE_PER_SEC = 5;

/** The rate to use: the operator's `<PROVIDER>_RATE_PER_SEC` when set, else the table, else 5/s. */
export function rateFor(provider: string, override?: number): number {
  if (override !== undefined && Number.isFinite(override) && override > 0) return override;
  return (DOCUMENTED_RATES as Record<string, number>)[provider] ?? FALLBACK_RATE_PER_SEC;
}

/** Never more requests in flight than this, whatever the rate: Twilio's cited concurrency limit. */
export const MAX_CONCURRENT_REQUESTS = 100;

/**
 * How many requests may be in flight at once at `ratePerSec`: enough to sustain the rate when a
 * request takes up to a second, never more than `MAX_CONCURRENT_REQUESTS`. (It was at most 10,
 * which held a rate-limited provider at 200/s to 10 ÷ latency: 100/s once requests took 100 ms.)
 */
export function maxConcurrentFor(ratePerSec: number): number {
  return Math.min(MAX_CONCURRENT_REQUESTS, Math.max(2, Math.ceil(ratePerSec)));
}
