/** What went wrong with one HTTP exchange, before anyone decides whether to try again. */
export type AttemptFailure =
  /** The provider answered with a status outside 2xx. */
  | { kind: 'http'; status: number; headers: Headers; text: string }
  /** No complete answer within the timeout: the request may have been processed. */
  | { kind: 'timeout' }
  /**
   * The connection failed. `notSent` is true only when the request certainly never reached the
   * server (refused, DNS, no route), so even a write is safe to send again.
   */
  | { kind: 'network'; code: string; notSent: boolean };

/**
 * Thrown inside the limiter job so the `failed` handler can classify it; the client turns the last
 * one into a ProviderError. Never leaves `src/providers/http`.
 */
export class AttemptFailed extends Error {
  readonly failure: AttemptFailure;
  constructor(failure: AttemptFailure, options: { cause?: unknown } = {}) {
    super(`provider attempt failed: ${failure.kind}`, options.cause === undefined ? undefined : options);
    this.name = 'AttemptFailed';
    this.failure = failure;
  }
}

/**
 * Not an attempt at all: Bottleneck hands a job its slot ahead of time (it starts after a wait), so
 * a job may reach its turn while a 429 pauses its group. It steps back, unsent, and queues again
 * once the pause is over; this costs no retry and no budget.
 */
export class AttemptDeferred extends Error {
  readonly waitMs: number;
  constructor(waitMs: number) {
    super(`provider attempt deferred ${waitMs} ms`);
    this.name = 'AttemptDeferred';
    this.waitMs = waitMs;
  }
}

/** Codes that mean the connection was never established, so nothing was sent. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The network failure behind a `fetch` rejection. undici wraps the socket error as
 * `TypeError('fetch failed', { cause })`, sometimes an AggregateError of one per address; test
 * doubles throw the coded error directly. The first `code` found on that chain wins.
 */
export function classifyNetworkError(err: unknown): AttemptFailure {
  const code = findCode(err, 0) ?? 'ECONNECTION';
  return { kind: 'network', code, notSent: NOT_SENT_CODES.has(code) };
}

function findCode(err: unknown, depth: number): string | undefined {
  if (depth > 5 || err === null || typeof err !== 'object') return undefined;
  const { code, cause, errors } = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = findCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return findCode(cause, depth + 1);
}
