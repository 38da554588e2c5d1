import type { FetchLike } from '../../http/types.js';
import { SimulatorError } from '../../telnyx/simulator/simulator-error.js';
import { handleTwilioRequest } from './handle-request.js';
import { twilioErrors } from './sim-http.js';
import type { TwilioSimulator } from './simulator.js';

async function bodyText(body: RequestInit['body']): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

/**
 * Whether a request to a `*.twilio.com` host went to the host that serves its path: `/v1/AuthTokens`
 * lives on `accounts.`, `/2010-04-01` on `api.`. Other hosts (a rehearsal's or a test's made-up
 * origin) serve both, as `serveTwilioSimulator` does.
 */
function rightHost(url: URL): boolean {
  if (!url.hostname.endsWith('twilio.com')) return true;
  const wanted = url.pathname.startsWith('/v1/') ? 'accounts.' : 'api.';
  return url.hostname.startsWith(wanted);
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals and tests: the real client,
 * limiter and playbook code run unchanged. It behaves as `fetch` does: an aborted request rejects
 * with the signal's reason, a released hanging one with `TypeError('fetch failed')`, and every
 * answer is a real `Response`.
 */
export function twilioSimulatorFetch(sim: TwilioSimulator): FetchLike {
  return async (url, init) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const parsed = new URL(url);
    try {
      const res = rightHost(parsed)
        ? await handleTwilioRequest(sim, {
            method: init.method ?? 'GET',
            path: parsed.pathname,
            query: parsed.searchParams,
            form: new URLSearchParams(await bodyText(init.body)),
            headers: new Headers(init.headers),
            signal,
          })
        : twilioErrors.notFound(parsed.pathname);
      const payload = res.body === undefined ? null : JSON.stringify(res.body);
      return new Response(payload, { status: res.status, headers: res.headers });
    } catch (err) {
      if (err instanceof SimulatorError) throw new TypeError('fetch failed', { cause: err });
      throw err;
    }
  };
}
