/**
 * The simulator's rate limit: a token bucket of `perSecond` tokens a second holding at most `burst`
 * (default: `perSecond`). Telnyx publishes no numbers, only the behaviour
 * (https://developers.telnyx.com/development/api-fundamentals/reliability/rate-limiting): every
 * response carries `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (seconds until
 * the limit resets), and a request over the limit gets 429 with code 10011. Telnyx does not document
 * `Retry-After`; the simulator sends it (in whole seconds) unless `retryAfter: false`.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst?: number;
  retryAfter?: boolean;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class TokenBucket {
  readonly perSecond: number;
  readonly burst: number;
  readonly retryAfter: boolean;
  private tokens: number;
  private last: number;

  constructor(
    options: RateLimitOptions,
    private readonly clockMs: () => number,
  ) {
    if (!(options.perSecond > 0)) throw new RangeError('rateLimit.perSecond must be greater than 0');
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, options.burst ?? options.perSecond);
    this.retryAfter = options.retryAfter ?? true;
    this.tokens = this.burst;
    this.last = clockMs();
  }

  take(): RateDecision {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, headers: this.headers(this.secondsUntil(this.burst)) };
    }
    const wait = this.secondsUntil(1);
    const headers = this.headers(wait);
    if (this.retryAfter) headers['retry-after'] = String(wait);
    return { allowed: false, headers };
  }

  private refill(): void {
    const now = this.clockMs();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
  }

  /** Whole seconds (at least 1) until the bucket holds `level` tokens. */
  private secondsUntil(level: number): number {
    return Math.max(1, Math.ceil((level - this.tokens) / this.perSecond));
  }

  private headers(reset: number): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.burst),
      'x-ratelimit-remaining': String(Math.floor(this.tokens)),
      'x-ratelimit-reset': String(reset),
    };
  }
}
