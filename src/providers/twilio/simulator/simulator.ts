import { SimulatorFaults } from '../../telnyx/simulator/faults.js';
import { SeededRandom } from '../../telnyx/simulator/random.js';
import { type RateDecision, type RateLimitOptions, TokenBucket } from '../../telnyx/simulator/rate-limit.js';
import { SimulatorStats } from '../../telnyx/simulator/stats.js';
import { emptyAccountState, type TwilioAccountState } from './account.js';
import { parseAccountState } from './account-schema.js';
import { newSid, newToken, rfc2822, type SimContext } from './sim-context.js';

export interface TwilioSimulatorOptions {
  /** Requests a second before 429 / 20429; default 100/s (Twilio publishes no number). `null`: no limit. */
  rateLimit?: RateLimitOptions | null;
  /** Milliseconds since the epoch, for timestamps and the rate limit; default `Date.now`. */
  clock?: () => number;
}

export const DEFAULT_TWILIO_SIM_RATE_LIMIT: RateLimitOptions = { perSecond: 100 };

/**
 * One simulated Twilio account: its state (plain data, `TwilioAccountState`), a rate limit,
 * injectable faults and counters. Serve it with `twilioSimulatorFetch` or `serveTwilioSimulator`;
 * requests are answered by `handleTwilioRequest`.
 */
export class TwilioSimulator {
  readonly state: TwilioAccountState;
  readonly faults = new SimulatorFaults();
  readonly stats = new SimulatorStats();
  readonly clock: () => number;
  private readonly random: SeededRandom;
  private limiter: TokenBucket | undefined;

  constructor(state: TwilioAccountState, options: TwilioSimulatorOptions = {}) {
    this.state = state;
    this.clock = options.clock ?? Date.now;
    this.random = new SeededRandom(state.random);
    this.setRateLimit(options.rateLimit === undefined ? DEFAULT_TWILIO_SIM_RATE_LIMIT : options.rateLimit);
  }

  /** An account with nothing in it but itself. */
  static empty(options: TwilioSimulatorOptions & { seed?: number } = {}): TwilioSimulator {
    const random = new SeededRandom(options.seed ?? 1);
    const at = rfc2822((options.clock ?? Date.now)());
    const sid = newSid({ random }, 'AC');
    const state = emptyAccountState(
      {
        sid,
        friendly_name: 'Empty account',
        status: 'active',
        owner_account_sid: sid,
        type: 'Full',
        auth_token: newToken({ random }),
        date_created: at,
        date_updated: at,
      },
      0,
    );
    state.random = random.seed;
    return new TwilioSimulator(state, options);
  }

  /** A simulator over a saved account (`toJSON()` output); faults, stats and limits start afresh. */
  static fromJSON(json: unknown, options: TwilioSimulatorOptions = {}): TwilioSimulator {
    return new TwilioSimulator(parseAccountState(json), options);
  }

  get accountSid(): string {
    return this.state.account.sid;
  }

  /** The primary Auth Token: what a client sends with the account SID, as HTTP Basic. */
  get authToken(): string {
    return this.state.account.auth_token;
  }

  /** Replaces the rate limit (a full bucket); `null` turns it off. */
  setRateLimit(options: RateLimitOptions | null): void {
    this.limiter = options === null ? undefined : new TokenBucket(options, this.clock);
  }

  /** One token from the bucket; `undefined` when there is no limit. */
  takeRateToken(): RateDecision | undefined {
    return this.limiter?.take();
  }

  context(): SimContext {
    return {
      state: this.state,
      random: this.random,
      clock: this.clock,
      recordWrite: (sid) => this.stats.recordWrite(sid),
    };
  }

  /** The account as plain JSON (a copy); `TwilioSimulator.fromJSON` reads it back. */
  toJSON(): TwilioAccountState {
    this.state.random = this.random.seed;
    return structuredClone(this.state);
  }
}
