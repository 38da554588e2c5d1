import type { FetchLike } from '../../http/types.js';
import { handleTelnyxRequest } from './handle-request.js';
import { parseBodyText, pathAfterV2 } from './parse-transport.js';
import type { TelnyxSimulator } from './simulator.js';
import { SimulatorError } from './simulator-error.js';

async function bodyText(body: RequestInit['body']): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals: the real client, limiter and
 * playbook code run unchanged. Any base URL ending in `/v2` works. It behaves as `fetch` does: an
 * aborted request rejects with the signal's reason, a released hanging one with `TypeError('fetch
 * failed')`, and every answer is a real `Response`.
 */
export function simulatorFetch(sim: TelnyxSimulator): FetchLike {
  return async (url, init) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const parsed = new URL(url);
    try {
      const res = await handleTelnyxRequest(sim, {
        method: init.method ?? 'GET',
        path: pathAfterV2(parsed.pathname),
        query: parsed.searchParams,
        headers: new Headers(init.headers),
        signal,
        ...parseBodyText(await bodyText(init.body)),
      });
      const payload = res.body === undefined ? null : JSON.stringify(res.body);
      return new Response(payload, { status: res.status, headers: res.headers });
    } catch (err) {
      if (err instanceof SimulatorError) throw new TypeError('fetch failed', { cause: err });
      throw err;
    }
  };
}
