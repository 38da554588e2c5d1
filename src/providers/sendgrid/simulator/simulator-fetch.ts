import type { FetchLike } from '../../http/types.js';
import { SimulatorError } from '../../telnyx/simulator/simulator-error.js';
import { handleSendgridRequest } from './handle-request.js';
import type { SendgridSimulator } from './simulator.js';
import { parseBodyText, pathFromV3 } from './transport.js';

async function bodyText(body: RequestInit['body']): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals and tests: the real client,
 * limiter and playbook code run unchanged against any base URL (paths are read from `/v3` on).
 * It behaves as `fetch` does: an aborted request rejects with the signal's reason, a released
 * hanging one with `TypeError('fetch failed')`, and every answer is a real `Response`.
 */
export function sendgridSimulatorFetch(sim: SendgridSimulator): FetchLike {
  return async (url, init) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const parsed = new URL(url);
    try {
      const res = await handleSendgridRequest(sim, {
        method: init.method ?? 'GET',
        path: pathFromV3(parsed.pathname),
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
