import type { FetchLike } from '../../providers/http/types.js';
import { inProcessFetch } from '../kit/in-process-fetch.js';
import type { AnswerRequest } from '../kit/transport-request.js';
import { handleTelnyxRequest } from './handle-request.js';
import { parseBodyText, pathAfterV2 } from './parse-transport.js';
import type { TelnyxSimulator } from './simulator.js';

/** The simulator's answer to a request from either transport: the path after `/v2`, the body as JSON. */
export function answerTelnyx(sim: TelnyxSimulator): AnswerRequest {
  return async (req) =>
    handleTelnyxRequest(sim, {
      method: req.method,
      path: pathAfterV2(req.url.pathname),
      query: req.url.searchParams,
      headers: req.headers,
      signal: req.signal,
      ...parseBodyText(await req.text()),
    });
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals: the real client, limiter and
 * playbook code run unchanged. Any base URL ending in `/v2` works. It behaves as `fetch` does: an
 * aborted request rejects with the signal's reason, a released hanging one with `TypeError('fetch
 * failed')`, and every answer is a real `Response`.
 */
export function simulatorFetch(sim: TelnyxSimulator): FetchLike {
  return inProcessFetch(answerTelnyx(sim));
}
