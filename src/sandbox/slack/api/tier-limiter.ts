import { LocalSlackError } from '../model/slack-api-error.js';
import { METHOD_TIERS, SLACK_TIER_LIMITS, type TierLimits } from './method-tiers.js';

export interface TierLimiterOptions {
  now: () => number;
  /** Enforce Slack's limits (forced 429s from forceNext apply either way). */
  enabled: boolean;
  /** Multiplies every window: 0.01 makes a minute 600 ms and chat.postMessage's second 10 ms. */
  tierScale?: number;
  limits?: Partial<TierLimits>;
}

export type LimitDecision = { limited: false } | { limited: true; retryAfterSec: number };

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

const toRetryAfter = (waitMs: number) => Math.max(1, Math.ceil(waitMs / SECOND_MS));

/**
 * Slack's rate limits as the local API enforces them: per method, a sliding 60-second window sized by
 * the method's tier; chat.postMessage per channel, a bucket of `postMessageBurst` refilled at one
 * message a second. A call that is let through is counted; a refused one is not.
 */
export class TierLimiter {
  private readonly now: () => number;
  private readonly enabled: boolean;
  private readonly scale: number;
  private readonly limits: TierLimits;
  private readonly windows = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly forced = new Map<string, { remaining: number; retryAfterSec: number }>();

  constructor(options: TierLimiterOptions) {
    this.now = options.now;
    this.enabled = options.enabled;
    this.scale = options.tierScale ?? 1;
    if (!(this.scale > 0)) throw new LocalSlackError(`tierScale must be positive, got ${this.scale}`);
    this.limits = { ...SLACK_TIER_LIMITS, ...options.limits };
  }

  /** The next `count` calls of `method` get 429 with this Retry-After, whatever the tier says. */
  forceNext(method: string, count: number, retryAfterSec: number): void {
    this.forced.set(method, { remaining: count, retryAfterSec });
  }

  /** Decides one call; `channel` matters only for chat.postMessage. */
  check(method: string, channel: string | undefined): LimitDecision {
    const forced = this.forced.get(method);
    if (forced && forced.remaining > 0) {
      forced.remaining -= 1;
      return { limited: true, retryAfterSec: forced.retryAfterSec };
    }
    const rateClass = METHOD_TIERS[method];
    if (!this.enabled || rateClass === undefined) return { limited: false };
    if (rateClass === 'post_message') return this.takeFromBucket(`${method}:${channel ?? ''}`);
    return this.countInWindow(method, this.limits[rateClass]);
  }

  private countInWindow(key: string, limit: number): LimitDecision {
    const now = this.now();
    const windowMs = MINUTE_MS * this.scale;
    const calls = (this.windows.get(key) ?? []).filter((at) => now - at < windowMs);
    this.windows.set(key, calls);
    if (calls.length >= limit)
      return { limited: true, retryAfterSec: toRetryAfter(calls[0]! + windowMs - now) };
    calls.push(now);
    return { limited: false };
  }

  private takeFromBucket(key: string): LimitDecision {
    const now = this.now();
    const refillMs = SECOND_MS * this.scale;
    const capacity = this.limits.postMessageBurst;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) / refillMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1)
      return { limited: true, retryAfterSec: toRetryAfter((1 - bucket.tokens) * refillMs) };
    bucket.tokens -= 1;
    return { limited: false };
  }
}
