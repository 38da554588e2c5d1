import { isIP } from 'node:net';
import { allowRuleRef } from '../../providers/sendgrid/refs.js';
import { bodyObject, type RouteArgs, type SimContext } from './sim-context.js';
import { json, NO_CONTENT, type SimResponse, sendgridErrors } from './sim-http.js';

/** The spec's default page of recent access attempts. */
const DEFAULT_ACTIVITY_LIMIT = 20;

export function listActivity(ctx: SimContext, a: RouteArgs): SimResponse {
  const raw = a.query.get('limit');
  if (raw !== null && !/^\d+$/.test(raw))
    return sendgridErrors.badRequest('limit must be an integer', 'limit');
  const limit = raw === null ? DEFAULT_ACTIVITY_LIMIT : Number(raw);
  const newestFirst = [...ctx.state.activity].sort((x, y) => y.last_at - x.last_at);
  return json(200, { result: newestFirst.slice(0, limit) });
}

export function listAllowed(ctx: SimContext): SimResponse {
  return json(200, { result: ctx.state.allowList.map((e) => ({ ...e })) });
}

/** An address, a CIDR range (`203.0.113.0/24`) or `*`, as the allow list accepts them. */
export function isAllowListEntry(text: string): boolean {
  if (text === '*') return true;
  const [address = '', bits, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export function addAllowed(ctx: SimContext, a: RouteArgs): SimResponse {
  const ips = bodyObject(a.body)?.ips;
  if (!Array.isArray(ips) || ips.length === 0) return sendgridErrors.badRequest('ips are required', 'ips');
  const wanted: string[] = [];
  for (const [i, item] of ips.entries()) {
    const ip = bodyObject(item)?.ip;
    if (typeof ip !== 'string' || !isAllowListEntry(ip)) {
      return sendgridErrors.badRequest('invalid ip address', `ips[${i}].ip`);
    }
    wanted.push(ip);
  }
  const at = Math.floor(ctx.now() / 1000);
  const created = wanted.map((ip) => {
    const entry = { id: ctx.state.nextNumber++, ip, created_at: at, updated_at: at };
    ctx.state.allowList.push(entry);
    ctx.recordWrite(allowRuleRef(entry.id));
    return { ...entry };
  });
  return json(201, { result: created });
}

export function removeAllowed(ctx: SimContext, a: RouteArgs): SimResponse {
  const index = ctx.state.allowList.findIndex((e) => String(e.id) === a.id);
  if (index < 0) return sendgridErrors.notFound('rule not found');
  ctx.state.allowList.splice(index, 1);
  ctx.recordWrite(`ip-rule:${a.id}`);
  return NO_CONTENT;
}
