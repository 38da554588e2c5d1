import { SimulatorFaults } from '../telnyx/faults.js';
import { SeededRandom } from '../telnyx/random.js';
import type { RateDecision } from '../telnyx/rate-limit.js';
import { SimulatorStats } from '../telnyx/stats.js';

/** A rate limit a simulator takes one token from for each authenticated request. */
export interface SimRateLimiter {
  take(): RateDecision;
}

/** How a simulator sets its core up: the clock, the rate limit asked for, its default and the bucket. */
export interface SimulatorCoreSetup<L> {
  /** Milliseconds since the epoch; default `Date.now`. */
  clock: (() => number) | undefined;
  /** `undefined`: `defaultRateLimit`; `null`: no limit. */
  rateLimit: L | null | undefined;
  defaultRateLimit: L;
  /** Builds a full bucket from `limit`; `clock` is the simulator's own. */
  newLimiter: (limit: L, clock: () => number) => SimRateLimiter;
}

/**
 * What every simulator holds beside its account's own shape: the state, injectable faults,
 * counters, a clock, the seeded id/secret generator and a rate limit of options `L`.
 */
export abstract class SimulatorCore<S extends { random: number }, L> {
  readonly state: S;
  readonly faults = new SimulatorFaults();
  readonly stats = new SimulatorStats();
  readonly clock: () => number;
  protected readonly random: SeededRandom;
  private readonly newLimiter: SimulatorCoreSetup<L>['newLimiter'];
  private limiter: SimRateLimiter | undefined;

  constructor(state: S, setup: SimulatorCoreSetup<L>) {
    this.state = state;
    this.clock = setup.clock ?? Date.now;
    this.random = new SeededRandom(state.random);
    this.newLimiter = setup.newLimiter;
    this.setRateLimit(setup.rateLimit === undefined ? setup.defaultRateLimit : setup.rateLimit);
  }

  /** Replaces the rate limit (a full bucket); `null` turns it off. */
  setRateLimit(options: L | null): void {
    this.limiter = options === null ? undefined : this.newLimiter(options, this.clock);
  }

  /** One token from the bucket; `undefined` when there is no limit. */
  takeRateToken(): RateDecision | undefined {
    return this.limiter?.take();
  }

  /** The account as plain JSON (a copy); the simulator's `fromJSON` reads it back. */
  toJSON(): S {
    this.state.random = this.random.seed;
    return structuredClone(this.state);
  }
}
