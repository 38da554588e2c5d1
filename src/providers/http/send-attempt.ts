import { AttemptFailed, classifyNetworkError } from './attempt-failure.js';
import type { FetchLike, HttpMethod } from './types.js';

export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

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
  const pending = exchangeOnce(fetchFn, url, init, controller.signal);
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

async function exchangeOnce(
  fetchFn: FetchLike,
  url: string,
  init: AttemptInit,
  signal: AbortSignal,
): Promise<Exchange> {
  const res = await fetchFn(url, {
    method: init.method,
    headers: init.headers,
    signal,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}
