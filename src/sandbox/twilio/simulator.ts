import { SimulatorCore } from '../kit/simulator-core.js';
import { SeededRandom } from '../telnyx/random.js';
import { type RateLimitOptions, TokenBucket } from '../telnyx/rate-limit.js';
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
export class TwilioSimulator extends SimulatorCore<TwilioAccountState, RateLimitOptions> {
  constructor(state: TwilioAccountState, options: TwilioSimulatorOptions = {}) {
    super(state, {
      clock: options.clock,
      rateLimit: options.rateLimit,
      defaultRateLimit: DEFAULT_TWILIO_SIM_RATE_LIMIT,
      newLimiter: (limit, clock) => new TokenBucket(limit, clock),
    });
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

  context(): SimContext {
    return {
      state: this.state,
      random: this.random,
      clock: this.clock,
      recordWrite: (sid) => this.stats.recordWrite(sid),
    };
  }
}
