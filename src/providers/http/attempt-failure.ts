import type { FetchLike, HttpMethod } from './types.js';

/** What went wrong with one HTTP exchange, before anyone decides whether to try again. */
export type AttemptFailure =
  /** The provider answered with a status outside 2xx. */
  | ({ kind: 'http' } & Exchange)
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
  constructor(readonly waitMs: number) {
    super(`provider attempt deferred ${waitMs} ms`);
    this.name = 'AttemptDeferred';
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
  for (const inner of [...(Array.isArray(errors) ? errors : []), cause]) {
    const found = findCode(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A complete answer: its status, its headers and the whole body as text. */
export type Exchange = Pick<Response, 'status' | 'headers'> & { text: string };

export interface AttemptInit {
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
}

const TIMED_OUT = Symbol('timed out');

/**
 * One HTTP exchange: send, read the whole body, all within `timeoutMs`. A 2xx resolves; anything
 * else throws AttemptFailed (`http`, `timeout` or `network`) for the limiter's `failed` handler.
 * The timeout aborts the request's signal and also stops waiting on a `fetch` seam that ignores it.
 */
export async function sendAttempt(
  fetchFn: FetchLike,
  url: string,
  init: AttemptInit,
  timeoutMs: number,
): Promise<Exchange> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, timeoutMs);
  });
  const pending = (async (): Promise<Exchange> => {
    const { method, headers, body } = init;
    const signal = controller.signal;
    const res = await fetchFn(url, { method, headers, signal, ...(body === undefined ? {} : { body }) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  })();
  // Once the deadline has won, the abandoned exchange's rejection is expected and not an error.
  pending.catch(() => undefined);
  try {
    const exchange = await Promise.race([pending, deadline]);
    if (exchange === TIMED_OUT) throw new AttemptFailed({ kind: 'timeout' });
    if (exchange.status < 200 || exchange.status > 299) {
      throw new AttemptFailed({ kind: 'http', ...exchange });
    }
    return exchange;
  } catch (err) {
    if (err instanceof AttemptFailed) throw err;
    if (controller.signal.aborted) throw new AttemptFailed({ kind: 'timeout' }, { cause: err });
    throw new AttemptFailed(classifyNetworkError(err), { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
