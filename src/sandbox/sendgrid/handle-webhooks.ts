import type { SimEventWebhook, SimMessage } from './account.js';
import { matchesQuery, parseMessageQuery } from './message-query.js';
import { bodyObject, type RouteArgs, type SimContext } from './sim-context.js';
import { json, NO_CONTENT, type SimResponse, sendgridErrors } from './sim-http.js';

/** What `GET …/event/settings/{id}` shows (the timestamps only appear in listings and PATCH answers). */
function eventView(w: SimEventWebhook, withDates: boolean): Record<string, unknown> {
  const { created_date, updated_date, ...rest } = w;
  return withDates ? { ...rest, created_date, updated_date } : { ...rest };
}

export function listEventWebhooks(ctx: SimContext): SimResponse {
  return json(200, { max_allowed: 5, webhooks: ctx.state.eventWebhooks.map((w) => eventView(w, true)) });
}

export function getEventWebhook(ctx: SimContext, a: RouteArgs): SimResponse {
  const hook = ctx.state.eventWebhooks.find((w) => w.id === a.id);
  return hook ? json(200, eventView(hook, false)) : sendgridErrors.notFound('webhook not found');
}

/** `PATCH …/event/settings/{id}`: `url` is required (spec); a URL another webhook uses is refused. */
export function updateEventWebhook(ctx: SimContext, a: RouteArgs): SimResponse {
  const hook = ctx.state.eventWebhooks.find((w) => w.id === a.id);
  if (!hook) return sendgridErrors.notFound('webhook not found');
  const body = bodyObject(a.body);
  if (typeof body?.url !== 'string' || body.url === '')
    return sendgridErrors.badRequest('url is required', 'url');
  if (ctx.state.eventWebhooks.some((w) => w.id !== hook.id && w.url === body.url)) {
    return sendgridErrors.badRequest('url is already used by another webhook', 'url');
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') {
    return sendgridErrors.badRequest('enabled must be a boolean', 'enabled');
  }
  hook.url = body.url;
  if (typeof body.enabled === 'boolean') hook.enabled = body.enabled;
  hook.updated_date = new Date(ctx.now()).toISOString();
  ctx.recordWrite(hook.id);
  return json(200, eventView(hook, true));
}

export function listParseSettings(ctx: SimContext): SimResponse {
  return json(200, { result: ctx.state.parseSettings.map((p) => ({ ...p })) });
}

export function deleteParseSetting(ctx: SimContext, a: RouteArgs): SimResponse {
  const index = ctx.state.parseSettings.findIndex((p) => p.hostname === a.id);
  if (index < 0) return sendgridErrors.notFound('hostname not found');
  ctx.state.parseSettings.splice(index, 1);
  ctx.recordWrite(a.id);
  return NO_CONTENT;
}

/** Newest `last_event_time` first, then by id (ISO strings of one format compare as text). */
function newestFirst(x: SimMessage, y: SimMessage): number {
  if (x.last_event_time !== y.last_event_time) return x.last_event_time < y.last_event_time ? 1 : -1;
  return x.msg_id < y.msg_id ? -1 : x.msg_id > y.msg_id ? 1 : 0;
}

/** `GET /v3/messages`: 403 without the Email Activity add-on; newest first, at most `limit`. */
export function listMessages(ctx: SimContext, a: RouteArgs): SimResponse {
  if (!ctx.state.emailActivity) return sendgridErrors.forbidden();
  const query = a.query.get('query');
  if (query === null || query.trim() === '') return sendgridErrors.badRequest('query is required', 'query');
  const rawLimit = a.query.get('limit') ?? '10';
  const limit = Number(rawLimit);
  if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > 1000) {
    return sendgridErrors.badRequest('limit must be between 1 and 1000', 'limit');
  }
  const conditions = parseMessageQuery(query);
  if (typeof conditions === 'string') return sendgridErrors.badRequest(conditions);
  const found = ctx.state.messages
    .filter((m) => matchesQuery(m, conditions))
    .sort(newestFirst)
    .slice(0, limit)
    .map(({ sender: _, ...m }) => m);
  return json(200, { messages: found });
}
