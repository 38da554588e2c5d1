import type { FetchLike } from '../../providers/http/types.js';
import { SimulatorError } from '../telnyx/simulator-error.js';
import type { AnswerRequest } from './transport-request.js';

async function bodyText(body: RequestInit['body']): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

/**
 * A `fetch` whose every request `answer` settles in-process. It behaves as `fetch` does: an aborted
 * request rejects with the signal's reason, a released hanging one (a `SimulatorError`) with
 * `TypeError('fetch failed')`, and every answer is a real `Response`.
 */
export function inProcessFetch(answer: AnswerRequest): FetchLike {
  return async (url, init) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const parsed = new URL(url);
    try {
      const res = await answer({
        method: init.method ?? 'GET',
        url: parsed,
        headers: new Headers(init.headers),
        signal,
        text: () => bodyText(init.body),
      });
      const payload = res.body === undefined ? null : JSON.stringify(res.body);
      return new Response(payload, { status: res.status, headers: res.headers });
    } catch (err) {
      if (err instanceof SimulatorError) throw new TypeError('fetch failed', { cause: err });
      throw err;
    }
  };
}
