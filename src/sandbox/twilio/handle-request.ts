import { randomUUID } from 'node:crypto';
import type { Fault } from '../telnyx/faults.js';
import { actingState, authenticatedAs } from './account-scope.js';
import { matchRoute } from './match-route.js';
import type { SimResponse, TwilioSimRequest } from './sim-http.js';
import { twilioErrors } from './sim-http.js';
import type { TwilioSimulator } from './simulator.js';

function header(headers: TwilioSimRequest['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function faultResponse(fault: Extract<Fault, { kind: 'fail' }>, path: string): SimResponse {
  switch (fault.status) {
    case 401:
      return twilioErrors.unauthorized();
    case 404:
      return twilioErrors.notFound(path);
    case 429:
      return { ...twilioErrors.tooManyRequests(), headers: { 'retry-after': '1' } };
    default:
      return twilioErrors.serverError(fault.status);
  }
}

function finish(sim: TwilioSimulator, res: SimResponse, extra: Record<string, string> = {}): SimResponse {
  sim.stats.recordStatus(res.status);
  return {
    status: res.status,
    headers: {
      ...(res.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'twilio-request-id': `RQ${randomUUID().replaceAll('-', '')}`,
      ...extra,
      ...res.headers,
    },
    body: res.body,
  };
}

/** Twilio's 429 carries no documented rate headers; the simulator sends `Retry-After` only. */
function retryAfterOnly(headers: Record<string, string> | undefined): Record<string, string> {
  const value = headers?.['retry-after'];
  return value === undefined ? {} : { 'retry-after': value };
}

/**
 * Answers one request as Twilio would: 401 (20003) without HTTP Basic `AccountSid:AuthToken`
 * (primary or secondary token), 429 (20429) over the rate limit, then any injected fault, then the
 * route: 404 (20404) for an unknown path, a SID not in the account, or another account's path. A
 * fault with `afterApply` lets the route change the account first; a hanging request settles only
 * when `req.signal` aborts or the simulator releases it.
 */
export async function handleTwilioRequest(sim: TwilioSimulator, req: TwilioSimRequest): Promise<SimResponse> {
  const method = req.method.toUpperCase();
  const match = matchRoute(method, req.path);
  sim.stats.recordRequest(match.label);
  const caller = authenticatedAs(sim.state, header(req.headers, 'authorization'));
  if (!caller) return finish(sim, twilioErrors.unauthorized());
  const rate = sim.takeRateToken();
  if (rate && !rate.allowed) return finish(sim, twilioErrors.tooManyRequests(), retryAfterOnly(rate.headers));
  const fault = sim.faults.take({ method, path: req.path, route: match.label, id: match.params.Sid });
  if (fault) sim.stats.faults += 1;
  if (fault && !fault.afterApply) {
    if (fault.kind === 'hang') return sim.faults.hang(req.signal);
    return finish(sim, faultResponse(fault, req.path));
  }
  const iamAccount = req.path.startsWith('/v1/Keys')
    ? (req.query?.get('AccountSid') ?? undefined)
    : undefined;
  const acting = actingState(sim.state, caller, match.params.AccountSid ?? iamAccount);
  const res =
    !match.route || !acting
      ? twilioErrors.notFound(req.path)
      : match.route.run(
          { ...sim.context(), state: acting },
          {
            params: match.params,
            query: req.query ?? new URLSearchParams(),
            form: req.form ?? new URLSearchParams(),
            path: req.path,
          },
        );
  if (fault?.kind === 'hang') return sim.faults.hang(req.signal);
  if (fault?.kind === 'fail') return finish(sim, faultResponse(fault, req.path));
  return finish(sim, res);
}
