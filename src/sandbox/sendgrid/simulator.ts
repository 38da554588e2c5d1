import { apiKeyIdOf } from '../../providers/sendgrid/api-key-id.js';
import { sha256Hex } from '../../util/hash.js';
import { SimulatorCore } from '../kit/simulator-core.js';
import { emptyAccountState, type SendgridAccountState } from './account.js';
import { parseAccountState } from './account-schema.js';
import { EpochTokenBucket, type SendgridRateLimitOptions } from './rate-limit.js';
import type { SendgridSimAnswers, SimContext } from './sim-context.js';

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
export class SendgridSimulator extends SimulatorCore<SendgridAccountState, SendgridRateLimitOptions> {
  /** The simulator's answers where the documentation is ambiguous (`sim.answers.apiKeyShape = 'result'`). */
  readonly answers: SendgridSimAnswers = { apiKeyShape: 'flat' };

  constructor(state: SendgridAccountState, options: SendgridSimulatorOptions = {}) {
    const rateClock = options.rateClock ?? Date.now;
    super(state, {
      clock: options.clock,
      rateLimit: options.rateLimit,
      defaultRateLimit: DEFAULT_SENDGRID_SIM_RATE_LIMIT,
      // The bucket runs on the wall clock its reset header counts in, not the account's clock.
      newLimiter: (limit) => new EpochTokenBucket(limit, rateClock),
    });
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

  /**
   * Whether a request signed `Bearer <key>` is let in: the client's key while it is listed, or any
   * other key the account issued and still lists, which becomes the client's key from then on (as
   * when Reclaim replaced its own key).
   */
  authenticate(authorization: string | undefined): boolean {
    const key = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    if (key === undefined) return false;
    if (key === this.state.apiKey) return this.ownKeyExists();
    const id = apiKeyIdOf(key);
    const digest = id === null ? undefined : this.state.keyDigests[id];
    const listed = id !== null && this.state.apiKeys.some((k) => k.api_key_id === id);
    if (!listed || digest === undefined || digest !== sha256Hex(key)) return false;
    this.state.apiKey = key;
    return true;
  }

  /** The client now signs with `apiKey` (a key the account issued and lists); otherwise nothing changes. */
  useClientKey(apiKey: string): void {
    this.authenticate(`Bearer ${apiKey}`);
  }

  /** Whether the key the simulator answers to is still listed (deleting it locks every client out). */
  ownKeyExists(): boolean {
    const id = apiKeyIdOf(this.state.apiKey);
    return id === null || this.state.apiKeys.some((k) => k.api_key_id === id);
  }

  context(): SimContext {
    return {
      answers: this.answers,
      state: this.state,
      random: this.random,
      now: () => this.clock(),
      recordWrite: (id) => this.stats.recordWrite(id),
    };
  }
}
