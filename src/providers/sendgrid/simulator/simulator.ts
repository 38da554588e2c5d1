import { SimulatorFaults } from '../../telnyx/simulator/faults.js';
import { SeededRandom } from '../../telnyx/simulator/random.js';
import { SimulatorStats } from '../../telnyx/simulator/stats.js';
import { apiKeyIdOf } from '../api-key-id.js';
import { emptyAccountState, type SendgridAccountState } from './account.js';
import { parseAccountState } from './account-schema.js';
import { EpochTokenBucket, type RateDecision, type SendgridRateLimitOptions } from './rate-limit.js';
import type { SimContext } from './sim-context.js';

export interface SendgridSimulatorOptions {
  /** Requests a second before 429s; default 10/s (SendGrid's 600/min default). `null`: no limit. */
  rateLimit?: SendgridRateLimitOptions | null;
  /** The account's clock (ms since the epoch) for timestamps it writes; default `Date.now`. */
  clock?: () => number;
  /**
   * The rate limit's wall clock, whose seconds `X-RateLimit-Reset` counts; default `Date.now`.
   * Tests run it faster than real time together with the client's `now` and `timeUnitMs`.
   */
  rateClock?: () => number;
}

export const DEFAULT_SENDGRID_SIM_RATE_LIMIT: SendgridRateLimitOptions = { perSecond: 10 };

/**
 * One simulated SendGrid account: its state (plain data, see `SendgridAccountState`), a rate limit,
 * injectable faults and counters. Serve it with `sendgridSimulatorFetch` or
 * `serveSendgridSimulator`; requests are answered by `handleSendgridRequest`.
 */
export class SendgridSimulator {
  readonly state: SendgridAccountState;
  readonly faults = new SimulatorFaults();
  readonly stats = new SimulatorStats();
  readonly clock: () => number;
  private readonly random: SeededRandom;
  private limiter: EpochTokenBucket | undefined;
  private readonly rateClock: () => number;

  constructor(state: SendgridAccountState, options: SendgridSimulatorOptions = {}) {
    this.state = state;
    this.clock = options.clock ?? Date.now;
    this.random = new SeededRandom(state.random);
    this.rateClock = options.rateClock ?? Date.now;
    this.setRateLimit(options.rateLimit === undefined ? DEFAULT_SENDGRID_SIM_RATE_LIMIT : options.rateLimit);
  }

  /** An account holding nothing but the key it answers to (`SG.<id>.<secret>`, full access). */
  static empty(
    apiKey: string,
    options: SendgridSimulatorOptions & { seed?: number } = {},
  ): SendgridSimulator {
    const state = emptyAccountState({
      apiKey,
      username: 'empty-account',
      email: 'owner@empty.example.com',
      random: options.seed ?? 1,
    });
    const id = apiKeyIdOf(apiKey);
    if (id) state.apiKeys.push({ api_key_id: id, name: 'Reclaim', scopes: ['api_keys.create'] });
    return new SendgridSimulator(state, options);
  }

  /** A simulator over a saved account (`toJSON()` output); faults, stats and limits start afresh. */
  static fromJSON(json: unknown, options: SendgridSimulatorOptions = {}): SendgridSimulator {
    return new SendgridSimulator(parseAccountState(json), options);
  }

  get apiKey(): string {
    return this.state.apiKey;
  }

  /** Whether the key the simulator answers to is still listed (deleting it locks every client out). */
  ownKeyExists(): boolean {
    const id = apiKeyIdOf(this.state.apiKey);
    return id === null || this.state.apiKeys.some((k) => k.api_key_id === id);
  }

  /** Replaces the rate limit (a full bucket); `null` turns it off. */
  setRateLimit(options: SendgridRateLimitOptions | null): void {
    this.limiter = options === null ? undefined : new EpochTokenBucket(options, this.rateClock);
  }

  /** One token from the bucket; `undefined` when there is no limit. */
  takeRateToken(): RateDecision | undefined {
    return this.limiter?.take();
  }

  context(): SimContext {
    return {
      state: this.state,
      random: this.random,
      now: () => this.clock(),
      recordWrite: (id) => this.stats.recordWrite(id),
    };
  }

  /** The account as plain JSON (a copy); `SendgridSimulator.fromJSON` reads it back. */
  toJSON(): SendgridAccountState {
    this.state.random = this.random.seed;
    return structuredClone(this.state);
  }
}
