import type { FetchLike } from '../../providers/http/types.js';
import { inProcessFetch } from '../kit/in-process-fetch.js';
import type { AnswerRequest } from '../kit/transport-request.js';
import { handleSendgridRequest } from './handle-request.js';
import type { SendgridSimulator } from './simulator.js';
import { parseBodyText, pathFromV3 } from './transport.js';

/** The simulator's answer to a request from either transport: the path from `/v3` on, the body as JSON. */
export function answerSendgrid(sim: SendgridSimulator): AnswerRequest {
  return async (req) =>
    handleSendgridRequest(sim, {
      method: req.method,
      path: pathFromV3(req.url.pathname),
      query: req.url.searchParams,
      headers: req.headers,
      signal: req.signal,
      ...parseBodyText(await req.text()),
    });
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals and tests: the real client,
 * limiter and playbook code run unchanged against any base URL (paths are read from `/v3` on).
 * It behaves as `fetch` does: an aborted request rejects with the signal's reason, a released
 * hanging one with `TypeError('fetch failed')`, and every answer is a real `Response`.
 */
export function sendgridSimulatorFetch(sim: SendgridSimulator): FetchLike {
  return inProcessFetch(answerSendgrid(sim));
}
