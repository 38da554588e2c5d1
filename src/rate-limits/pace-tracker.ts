// One account's pace as its answers tell it: how long a request takes and what the rate headers allow until their reset.
import type { PaceReading } from '../domain/actions-in-flight.js';
import { parseRateLimitReset } from './rate-limit-wait.js';

/** Weight of the newest request in the mean request time. */
const MEAN_WEIGHT = 0.2;

interface HeaderReading {
  remaining: number;
  /** Real ms (this clock) at which the provider's window resets. */
  resetAt: number;
  /** The request whose answer said so, by send order. */
  seq: number;
}

/**
 * Kept per limiter key (`telnyx:<account>`). Every send takes a sequence number; every answer
 * (2xx or not) is reported with its duration and headers. `x-ratelimit-remaining` and
 * `x-ratelimit-reset` (seconds to wait, or the epoch second, as `parseRateLimitReset` reads them)
 * make a budget: the requests the provider still allows before the reset, less every request sent
 * after the one that was answered (some may already be counted in it: the budget errs low). The
 * reading of the latest-sent request wins; a passed reset forgets it. Provider seconds become real
 * ms by `timeUnitMs` (tests run a provider second in 1 ms).
 */
export class PaceTracker {
  private sent = 0;
  private reading: HeaderReading | undefined;
  private meanMs: number | undefined;

  constructor(
    readonly ratePerSec: number,
    private readonly options: { timeUnitMs?: number; now?: () => number } = {},
  ) {}

  /** A request is about to go out; returns its sequence number for `answered`. */
  sending(): number {
    this.sent += 1;
    return this.sent;
  }

  /**
   * The answer to request `seq` arrived after `durationMs` (real ms), with these headers. An epoch
   * reset is read against `providerNow`, the client's clock (the one the provider's headers speak).
   */
  answered(seq: number, durationMs: number, headers: Headers | undefined, providerNow?: number): void {
    this.meanMs =
      this.meanMs === undefined ? durationMs : this.meanMs + MEAN_WEIGHT * (durationMs - this.meanMs);
    const remaining = headers?.get('x-ratelimit-remaining')?.trim() ?? '';
    const now = this.now();
    const resetMs = parseRateLimitReset(headers?.get('x-ratelimit-reset') ?? null, providerNow ?? now);
    if (!/^\d+$/.test(remaining) || resetMs === undefined) return;
    if (this.reading && this.reading.seq > seq) return;
    this.reading = { remaining: Number(remaining), resetAt: now + this.scale(resetMs), seq };
  }

  /** Requests the provider still allows before its reset; undefined when it never said, or it reset. */
  budget(): { remaining: number; resetInMs: number } | undefined {
    const r = this.reading;
    if (!r) return undefined;
    const resetInMs = r.resetAt - this.now();
    if (resetInMs <= 0) {
      this.reading = undefined;
      return undefined;
    }
    return { remaining: Math.max(0, r.remaining - (this.sent - r.seq)), resetInMs };
  }

  /** Real ms the next send must wait: until the reset when the budget is spent, else 0. */
  waitMs(): number {
    const budget = this.budget();
    return budget && budget.remaining <= 0 ? budget.resetInMs : 0;
  }

  read(): PaceReading {
    const budget = this.budget();
    return {
      ratePerSec: this.ratePerSec,
      ...(this.meanMs === undefined ? {} : { requestMs: this.meanMs }),
      ...(budget ? { budget } : {}),
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private scale(providerMs: number): number {
    return Math.round((providerMs * (this.options.timeUnitMs ?? 1000)) / 1000);
  }
}
