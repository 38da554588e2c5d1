import { inviteRef } from '../../providers/sendgrid/refs.js';
import type { RouteArgs, SimContext } from './sim-context.js';
import { bodyObject } from './sim-context.js';
import { json, NO_CONTENT, type SimResponse, sendgridErrors } from './sim-http.js';

/** `limit`/`offset` of a page; `max` is the endpoint's maximum limit, when it has one. */
function page(
  query: URLSearchParams,
  fallback: number,
  max?: number,
): { limit: number; offset: number } | string {
  const limit = query.get('limit') ?? String(fallback);
  const offset = query.get('offset') ?? '0';
  if (!/^\d+$/.test(limit) || Number(limit) < 1) return 'limit';
  if (max !== undefined && Number(limit) > max) return 'limit';
  if (!/^\d+$/.test(offset)) return 'offset';
  return { limit: Number(limit), offset: Number(offset) };
}

export function listTeammates(ctx: SimContext, a: RouteArgs): SimResponse {
  const p = page(a.query, 500, 500);
  if (typeof p === 'string') return sendgridErrors.badRequest(`invalid ${p}`, p);
  const items = ctx.state.teammates.slice(p.offset, p.offset + p.limit).map(({ scopes: _, ...t }) => t);
  return json(200, { result: items });
}

export function listInvites(ctx: SimContext): SimResponse {
  return json(200, { result: ctx.state.invites.map((i) => ({ ...i, scopes: [...i.scopes] })) });
}

export function deleteTeammate(ctx: SimContext, a: RouteArgs): SimResponse {
  const index = ctx.state.teammates.findIndex((t) => t.username === a.id);
  if (index < 0) return sendgridErrors.notFound('teammate not found');
  if (ctx.state.teammates[index]?.user_type === 'owner') {
    return sendgridErrors.badRequest('the account owner cannot be deleted', 'username');
  }
  ctx.state.teammates.splice(index, 1);
  ctx.recordWrite(a.id);
  return NO_CONTENT;
}

export function cancelInvite(ctx: SimContext, a: RouteArgs): SimResponse {
  const index = ctx.state.invites.findIndex((i) => i.token === a.id);
  if (index < 0) return sendgridErrors.notFound('pending teammate not found');
  ctx.state.invites.splice(index, 1);
  ctx.recordWrite(inviteRef(a.id));
  return NO_CONTENT;
}

export function listSubusers(ctx: SimContext, a: RouteArgs): SimResponse {
  const p = page(a.query, 100);
  if (typeof p === 'string') return sendgridErrors.badRequest(`invalid ${p}`, p);
  const username = a.query.get('username');
  const matching = ctx.state.subusers.filter((s) => username === null || s.username === username);
  return json(
    200,
    matching.slice(p.offset, p.offset + p.limit).map((s) => ({ ...s })),
  );
}

export function updateSubuser(ctx: SimContext, a: RouteArgs): SimResponse {
  const subuser = ctx.state.subusers.find((s) => s.username === a.id);
  if (!subuser) return sendgridErrors.notFound('subuser not found');
  const disabled = bodyObject(a.body)?.disabled;
  if (typeof disabled !== 'boolean')
    return sendgridErrors.badRequest('disabled must be a boolean', 'disabled');
  subuser.disabled = disabled;
  ctx.recordWrite(a.id);
  return NO_CONTENT;
}

export function userEmail(ctx: SimContext): SimResponse {
  return json(200, { email: ctx.state.email });
}
