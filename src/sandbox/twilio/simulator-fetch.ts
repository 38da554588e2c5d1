import type { FetchLike } from '../../providers/http/types.js';
import { inProcessFetch } from '../kit/in-process-fetch.js';
import type { AnswerRequest } from '../kit/transport-request.js';
import { handleTwilioRequest } from './handle-request.js';
import { twilioErrors } from './sim-http.js';
import type { TwilioSimulator } from './simulator.js';

/** The simulator's answer to a request from either transport: the path from the root, the body as a form. */
export function answerTwilio(sim: TwilioSimulator): AnswerRequest {
  return async (req) =>
    handleTwilioRequest(sim, {
      method: req.method,
      path: req.url.pathname,
      query: req.url.searchParams,
      form: new URLSearchParams(await req.text()),
      headers: req.headers,
      signal: req.signal,
    });
}

/** The `/v1/` paths of hosts other than `accounts.`, by the host that serves them. */
const V1_HOSTS: ReadonlyArray<readonly [prefix: string, host: string]> = [
  ['/v1/Keys', 'iam.'],
  ['/v1/Trunks', 'trunking.'],
  ['/v1/DialingPermissions', 'voice.'],
  ['/v1/Services', 'messaging.'],
  ['/v1/Events', 'monitor.'],
];

/**
 * Whether a request to a `*.twilio.com` host went to the host that serves its path: `/v1/Keys`
 * lives on `iam.`, `/v1/Trunks` on `trunking.`, `/v1/DialingPermissions` on `voice.`,
 * `/v1/Services` on `messaging.`, `/v1/Events` on `monitor.`, the rest of `/v1/` (Auth Tokens, messaging geo permissions) on
 * `accounts.`, `/2010-04-01` on `api.`. Other hosts (a rehearsal's or a test's made-up origin)
 * serve all of them, as `serveTwilioSimulator` does.
 */
function rightHost(url: URL): boolean {
  if (!url.hostname.endsWith('twilio.com')) return true;
  const v1 = V1_HOSTS.find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
  const wanted = v1 ?? (url.pathname.startsWith('/v1/') ? 'accounts.' : 'api.');
  return url.hostname.startsWith(wanted);
}

/**
 * A `fetch` answered in-process by the simulator, for rehearsals and tests: the real client,
 * limiter and playbook code run unchanged. It behaves as `fetch` does: an aborted request rejects
 * with the signal's reason, a released hanging one with `TypeError('fetch failed')`, and every
 * answer is a real `Response`.
 */
export function twilioSimulatorFetch(sim: TwilioSimulator): FetchLike {
  const answer = answerTwilio(sim);
  return inProcessFetch((req) =>
    rightHost(req.url) ? answer(req) : twilioErrors.notFound(req.url.pathname),
  );
}
