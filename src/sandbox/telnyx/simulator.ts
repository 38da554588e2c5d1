import { SimulatorCore } from '../kit/simulator-core.js';
import { emptyAccountState, type TelnyxAccountState } from './account.js';
import { parseAccountState } from './account-schema.js';
import { SeededRandom } from './random.js';
import { type RateLimitOptions, TokenBucket } from './rate-limit.js';
import type { SimContext, TelnyxSimAnswers } from './sim-context.js';

export interface SimulatorOptions {
  /** Requests a second before 429s; default 100/s (Telnyx publishes no number). `null`: no limit. */
  rateLimit?: RateLimitOptions | null;
  /** Milliseconds since the epoch, for timestamps and the rate limit; default `Date.now`. */
  clock?: () => number;
}

export const DEFAULT_SIM_RATE_LIMIT: RateLimitOptions = { perSecond: 100 };

/**
 * One simulated Telnyx account: its state (plain data, see `TelnyxAccountState`), a rate limit,
 * injectable faults and counters. Serve it with `simulatorFetch` or `serveSimulator`; requests are
 * answered by `handleTelnyxRequest`.
 */
export class TelnyxSimulator extends SimulatorCore<TelnyxAccountState, RateLimitOptions> {
  /** The simulator's answers where the spec is ambiguous; tests switch them (`sim.answers.blankForwardsTo = 'accept'`). */
  readonly answers: TelnyxSimAnswers = { blankForwardsTo: 'refuse', jobReadsToFinish: 1 };

  constructor(state: TelnyxAccountState, options: SimulatorOptions = {}) {
    super(state, {
      clock: options.clock,
      rateLimit: options.rateLimit,
      defaultRateLimit: DEFAULT_SIM_RATE_LIMIT,
      newLimiter: (limit, clock) => new TokenBucket(limit, clock),
    });
  }

  /** An account with nothing in it, answering to `apiKey`. */
  static empty(apiKey: string, options: SimulatorOptions & { seed?: number } = {}): TelnyxSimulator {
    const random = new SeededRandom(options.seed ?? 1);
    const state = emptyAccountState({
      apiKey,
      organizationId: random.uuid(),
      ownerUserId: random.uuid(),
      random: 0,
    });
    state.random = random.seed;
    return new TelnyxSimulator(state, options);
  }

  /** A simulator over a saved account (`toJSON()` output); faults, stats and limits start afresh. */
  static fromJSON(json: unknown, options: SimulatorOptions = {}): TelnyxSimulator {
    return new TelnyxSimulator(parseAccountState(json), options);
  }

  get apiKey(): string {
    return this.state.apiKey;
  }

  /** The API keys the account answers to now (the portal's API Keys page). */
  apiKeys(): readonly string[] {
    return this.state.apiKeys ?? [this.state.apiKey];
  }

  /** A key created in the portal: the account answers to it from now on. */
  addApiKey(key: string): void {
    if (key.length === 0) throw new RangeError('an API key is not empty');
    if (!this.apiKeys().includes(key)) this.state.apiKeys = [...this.apiKeys(), key];
  }

  /** A key deleted in the portal: every later request with it is refused (401). */
  deleteApiKey(key: string): boolean {
    const before = this.apiKeys();
    this.state.apiKeys = before.filter((k) => k !== key);
    return this.state.apiKeys.length < before.length;
  }

  /** Whether an `Authorization` header names a key the account holds. */
  acceptsBearer(authorization: string | undefined): boolean {
    const key = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    return key !== undefined && this.apiKeys().includes(key);
  }

  context(): SimContext {
    return {
      answers: this.answers,
      state: this.state,
      random: this.random,
      now: () => new Date(this.clock()).toISOString(),
      recordWrite: (id) => this.stats.recordWrite(id),
    };
  }
}
