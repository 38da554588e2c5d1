/** `x-ratelimit-reset` values above this are Unix epoch seconds (SendGrid), below it seconds to wait (Telnyx). */
const EPOCH_THRESHOLD = 1e9;

/**
 * How long, in ms, the provider asked us to wait before the next request, from:
 * - `Retry-After`: delta-seconds (`2`, `0.5`) or an HTTP date (RFC 9110 §10.2.3);
 * - else `x-ratelimit-reset`: seconds until the window resets (Telnyx) or the Unix epoch second
 *   at which it resets (SendGrid); a value above 10^9 is an epoch.
 * `undefined` when neither header is usable; never negative (a date in the past means "now").
 */
export function rateLimitWaitMs(headers: Headers, now: number): number | undefined {
  return (
    parseRetryAfter(headers.get('retry-after'), now) ??
    parseRateLimitReset(headers.get('x-ratelimit-reset'), now)
  );
}

export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export function parseRateLimitReset(value: string | null, now: number): number | undefined {
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  if (n > EPOCH_THRESHOLD) return Math.max(0, Math.round(n * 1000 - now));
  return Math.round(n * 1000);
}
