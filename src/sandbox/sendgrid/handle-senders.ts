// Sender Identities, authenticated domains, branded links, spam/bounce forwarding and alerts, in the spec's shapes.
import type { SendgridAccountState, SimBrandedDomain, SimForwardSetting } from './account.js';
import { bodyObject, type RouteArgs, type SimContext } from './sim-context.js';
import { json, NO_CONTENT, type SimResponse, sendgridErrors } from './sim-http.js';

/** A non-negative whole number from the query, its default when absent, or null when malformed. */
function whole(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/** `GET /v3/verified_senders?limit=&lastSeenID=&id=`: senders with ids after `lastSeenID`, in id order. */
export function listVerifiedSenders(ctx: SimContext, a: RouteArgs): SimResponse {
  const limit = whole(a.query, 'limit', 50);
  const after = whole(a.query, 'lastSeenID', -1);
  const only = a.query.get('id');
  if (limit === null || after === null) return sendgridErrors.badRequest('limit and lastSeenID are numbers');
  const senders = [...ctx.state.verifiedSenders]
    .sort((x, y) => x.id - y.id)
    .filter((v) => v.id > after && (only === null || String(v.id) === only))
    .slice(0, limit);
  return json(200, { results: senders.map((v) => ({ ...v })) });
}

/** `GET /v3/whitelabel/domains?limit=&offset=`: a bare array; the DNS records as the spec shapes them. */
export function listAuthenticatedDomains(ctx: SimContext, a: RouteArgs): SimResponse {
  const limit = whole(a.query, 'limit', 50);
  const offset = whole(a.query, 'offset', 0);
  if (limit === null || offset === null) return sendgridErrors.badRequest('limit and offset are numbers');
  const page = ctx.state.authenticatedDomains.slice(offset, offset + limit);
  return json(
    200,
    page.map((d) => withDns(d, ['mail_cname', 'dkim1', 'dkim2'])),
  );
}

/** `GET /v3/whitelabel/links?limit=`: a bare array (the spec has no offset). */
export function listBrandedLinks(ctx: SimContext, a: RouteArgs): SimResponse {
  const limit = whole(a.query, 'limit', 50);
  if (limit === null) return sendgridErrors.badRequest('limit is a number', 'limit');
  return json(
    200,
    ctx.state.brandedLinks.slice(0, limit).map((l) => withDns(l, ['domain_cname', 'owner_cname'])),
  );
}

function withDns(d: SimBrandedDomain, records: readonly string[]): Record<string, unknown> {
  const host = d.subdomain ? `${d.subdomain}.${d.domain}` : d.domain;
  const dns = Object.fromEntries(
    records.map((r) => [
      r,
      { valid: d.valid, type: 'cname', host: `${r}.${host}`, data: `u${d.user_id}.wl.sendgrid.net` },
    ]),
  );
  return { ...d, ips: [], custom_spf: false, automatic_security: true, dns };
}

type Collection = 'verifiedSenders' | 'authenticatedDomains' | 'brandedLinks' | 'alerts';

/** `DELETE …/{id}` of one of the numbered collections: 204, or 404 for an id it does not hold. */
export function deleteFrom(collection: Collection): (ctx: SimContext, a: RouteArgs) => SimResponse {
  return (ctx, a) => {
    const list = ctx.state[collection] as { id: number }[];
    const index = list.findIndex((item) => String(item.id) === a.id);
    if (index < 0) return sendgridErrors.notFound();
    list.splice(index, 1);
    ctx.recordWrite(a.id);
    return NO_CONTENT;
  };
}

type ForwardField = keyof Pick<SendgridAccountState, 'forwardSpam' | 'forwardBounce'>;

/** `GET /v3/mail_settings/{forward_spam|forward_bounce}`. */
export function getForwarding(field: ForwardField): (ctx: SimContext) => SimResponse {
  return (ctx) => json(200, { ...ctx.state[field] });
}

/** `PATCH /v3/mail_settings/{forward_spam|forward_bounce}` `{ enabled?, email? }`: the setting as it is now. */
export function updateForwarding(
  field: ForwardField,
  id: string,
): (ctx: SimContext, a: RouteArgs) => SimResponse {
  return (ctx, a) => {
    const body = bodyObject(a.body);
    if (!body) return sendgridErrors.badRequest('the body must be an object');
    if (body.enabled !== undefined && typeof body.enabled !== 'boolean') {
      return sendgridErrors.badRequest('enabled must be a boolean', 'enabled');
    }
    if (body.email !== undefined && body.email !== null && typeof body.email !== 'string') {
      return sendgridErrors.badRequest('email must be a string', 'email');
    }
    const next: SimForwardSetting = {
      enabled: (body.enabled as boolean | undefined) ?? ctx.state[field].enabled,
      email: body.email === undefined ? ctx.state[field].email : ((body.email as string | null) ?? ''),
    };
    ctx.state[field] = next;
    ctx.recordWrite(id);
    return json(200, { ...next });
  };
}

/** `GET /v3/alerts`: a bare array. */
export function listAlerts(ctx: SimContext): SimResponse {
  return json(
    200,
    ctx.state.alerts.map((alert) => ({ ...alert })),
  );
}
