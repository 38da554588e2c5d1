import type { SeededRandom } from '../telnyx/random.js';
import type { SendgridAccountState } from './account.js';

/**
 * Where SendGrid's documentation leaves the live answer open, which one the simulator gives. Tests
 * switch them.
 */
export interface SendgridSimAnswers {
  /**
   * `GET /v3/api_keys/{api_key_id}`. The spec wraps the key in `{ result: [ … ] }` (its example is
   * the listing's, copied); independent clients read a flat `{ api_key_id, name, scopes }`.
   * `flat` (default) or `result`.
   */
  apiKeyShape: 'flat' | 'result';
}

/** What a route handler works with: the account, the id generator, the clock and the write log. */
export interface SimContext {
  answers: SendgridSimAnswers;
  state: SendgridAccountState;
  random: SeededRandom;
  /** The simulator's clock, ms since the epoch. */
  now(): number;
  /** Counts an applied write to resource `id` (see `SimulatorStats.writes`). */
  recordWrite(id: string): void;
}

export interface RouteArgs {
  /** The path parameter (`{api_key_id}`, `{username}`, …), decoded; '' when the route has none. */
  id: string;
  query: URLSearchParams;
  body: unknown;
}

/** An object body, or undefined when the body is missing or not an object. */
export function bodyObject(body: unknown): Record<string, unknown> | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
