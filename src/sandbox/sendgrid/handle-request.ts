import { randomUUID } from 'node:crypto';
import type { Fault } from '../telnyx/faults.js';
import { matchRoute } from './routes.js';
import type { SimRequest, SimResponse } from './sim-http.js';
import { sendgridErrors } from './sim-http.js';
import type { SendgridSimulator } from './simulator.js';

function header(headers: SimRequest['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function faultResponse(fault: Extract<Fault, { kind: 'fail' }>): SimResponse {
  switch (fault.status) {
    case 401:
      return sendgridErrors.unauthorized();
    case 403:
      return sendgridErrors.forbidden();
    case 404:
      return sendgridErrors.notFound();
    case 429: {
      const res = sendgridErrors.tooManyRequests();
      const reset = String(Math.ceil(Date.now() / 1000) + 1);
      res.headers = { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
      return res;
    }
    default:
      return sendgridErrors.serverError(fault.status);
  }
}

function finish(sim: SendgridSimulator, res: SimResponse, extra: Record<string, string> = {}): SimResponse {
  sim.stats.recordStatus(res.status);
  const headers: Record<string, string> = { 'x-message-id': randomUUID(), ...extra, ...res.headers };
  if (res.body !== undefined) headers['content-type'] = 'application/json';
  return { status: res.status, headers, body: res.body };
}

/**
 * Answers one request as SendGrid v3 would: 401 unless `Authorization: Bearer <key>` names a key
 * the account issued and still lists (`SendgridSimulator.authenticate`), 429 over the rate limit (every answer carries the `X-RateLimit-*`
 * headers), then any injected fault, then the route (404 for an unknown path or id). A fault with
 * `afterApply` lets the route change the account first. A hanging request settles only when
 * `req.signal` aborts or the simulator releases it.
 */
export async function handleSendgridRequest(sim: SendgridSimulator, req: SimRequest): Promise<SimResponse> {
  const method = req.method.toUpperCase();
  const match = matchRoute(method, req.path);
  sim.stats.recordRequest(match.label);
  if (!sim.authenticate(header(req.headers, 'authorization'))) {
    return finish(sim, sendgridErrors.unauthorized());
  }
  const rate = sim.takeRateToken();
  if (rate && !rate.allowed) return finish(sim, sendgridErrors.tooManyRequests(), rate.headers);
  const fault = sim.faults.take({ method, path: req.path, route: match.label, id: match.id });
  if (fault) sim.stats.faults += 1;
  if (fault && !fault.afterApply) {
    if (fault.kind === 'hang') return sim.faults.hang(req.signal);
    return finish(sim, faultResponse(fault), rate?.headers);
  }
  const query = req.query instanceof URLSearchParams ? req.query : new URLSearchParams(req.query ?? {});
  const res = !match.route
    ? sendgridErrors.notFound()
    : req.malformedBody
      ? sendgridErrors.malformedBody()
      : match.route.run(sim.context(), { id: match.id ?? '', query, body: req.body });
  if (fault?.kind === 'hang') return sim.faults.hang(req.signal);
  if (fault?.kind === 'fail') return finish(sim, faultResponse(fault), rate?.headers);
  return finish(sim, res, rate?.headers);
}
