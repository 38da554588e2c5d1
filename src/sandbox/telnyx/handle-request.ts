import { randomUUID } from 'node:crypto';
import type { Fault } from './faults.js';
import { matchRoute } from './routes.js';
import type { SimRequest, SimResponse } from './sim-http.js';
import { telnyxErrors } from './sim-http.js';
import type { TelnyxSimulator } from './simulator.js';

function header(headers: SimRequest['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function toParams(query: SimRequest['query']): URLSearchParams {
  return query instanceof URLSearchParams ? query : new URLSearchParams(query ?? {});
}

function faultResponse(fault: Extract<Fault, { kind: 'fail' }>): SimResponse {
  switch (fault.status) {
    case 401:
      return telnyxErrors.unauthorized();
    case 404:
      return telnyxErrors.notFound();
    case 429: {
      const res = telnyxErrors.tooManyRequests();
      res.headers = { 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' };
      return res;
    }
    default:
      return telnyxErrors.serverError(fault.status);
  }
}

function finish(sim: TelnyxSimulator, res: SimResponse, extra: Record<string, string> = {}): SimResponse {
  sim.stats.recordStatus(res.status);
  return {
    status: res.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': randomUUID(),
      ...extra,
      ...res.headers,
    },
    body: res.body,
  };
}

/**
 * Answers one request as Telnyx API v2 would: 401 without `Authorization: Bearer <a key the account holds>`,
 * 429 over the rate limit, then any injected fault, then the route (404 for an unknown path or id).
 * A fault with `afterApply` lets the route change the account first. A hanging request settles only
 * when `req.signal` aborts or the simulator releases it.
 */
export async function handleTelnyxRequest(sim: TelnyxSimulator, req: SimRequest): Promise<SimResponse> {
  const method = req.method.toUpperCase();
  const match = matchRoute(method, req.path);
  sim.stats.recordRequest(match.label);
  if (!sim.acceptsBearer(header(req.headers, 'authorization'))) {
    return finish(sim, telnyxErrors.unauthorized());
  }
  const rate = sim.takeRateToken();
  if (rate && !rate.allowed) return finish(sim, telnyxErrors.tooManyRequests(), rate.headers);
  const fault = sim.faults.take({ method, path: req.path, route: match.label, id: match.id });
  if (fault) sim.stats.faults += 1;
  if (fault && !fault.afterApply) {
    if (fault.kind === 'hang') return sim.faults.hang(req.signal);
    return finish(sim, faultResponse(fault), rate?.headers);
  }
  const res = !match.route
    ? telnyxErrors.notFound()
    : req.malformedBody
      ? telnyxErrors.malformedBody()
      : match.route.run(sim.context(), { id: match.id ?? '', query: toParams(req.query), body: req.body });
  if (fault?.kind === 'hang') return sim.faults.hang(req.signal);
  if (fault?.kind === 'fail') return finish(sim, faultResponse(fault), rate?.headers);
  return finish(sim, res, rate?.headers);
}
