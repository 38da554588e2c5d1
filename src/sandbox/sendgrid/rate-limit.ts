import { TokenBucket } from '../telnyx/rate-limit.js';

/**
 * The simulator's rate limit, as SendGrid describes its own (twilio.com/docs/sendgrid/api-reference/
 * how-to-use-the-sendgrid-v3-api/rate-limits): every response carries `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (the Unix second at which the limit resets), and a
 * request over the limit gets 429 `{"errors":[{"field":null,"message":"too many requests"}]}`.
 * SendGrid documents no `Retry-After`; the simulator sends none unless `retryAfter: true`.
 * A token bucket of `perSecond` tokens a second holding at most `burst` (default `perSecond`),
 * one bucket per account.
 */
export interface SendgridRateLimitOptions {
  perSecond: number;
  burst?: number;
  retryAfter?: boolean;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** The Telnyx simulator's bucket with SendGrid's headers: the reset as an epoch second, not a delay. */
export class EpochTokenBucket {
  private readonly bucket: TokenBucket;

  /** `clockMs` is wall time: the reset header is an epoch a client compares with its own clock. */
  constructor(
    options: SendgridRateLimitOptions,
    private readonly clockMs: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket({ ...options, retryAfter: options.retryAfter ?? false }, clockMs);
  }

  take(): RateDecision {
    const decision = this.bucket.take();
    // Whole seconds from the next second boundary: never earlier than the bucket's own estimate.
    const wait = Number(decision.headers['x-ratelimit-reset'] ?? '1');
    const reset = Math.ceil(this.clockMs() / 1000) + wait;
    return {
      allowed: decision.allowed,
      headers: { ...decision.headers, 'x-ratelimit-reset': String(reset) },
    };
  }
}
