import type { SimAuditEvent } from './account-state.js';
import { pageBody, parsePage } from './list-query.js';
import { appendAuditEvent } from './record-audit.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, telnyxErrors } from './sim-http.js';

/**
 * `POST /messaging_profiles/{id}/actions/regenerate_secret`: no body; 200 with the profile and its
 * new `v1_secret` (spec operation `RegenerateMessagingProfileSecret`).
 */
export function regenerateSecret(ctx: SimContext, id: string): SimResponse {
  const profile = ctx.state.messagingProfiles.find((p) => p.id === id);
  if (!profile) return telnyxErrors.notFound();
  profile.v1_secret = ctx.random.token(32);
  profile.updated_at = ctx.now();
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: profile.updated_at,
    changeType: 'update',
    resourceId: id,
    changes: [{ field: 'v1_secret', from: null, to: null }],
  });
  ctx.recordWrite(id);
  return jsonResponse(200, { data: structuredClone(profile) });
}

/** The spec gives `GET /audit_events` no page-size default; 20 is Telnyx's usual one. */
const AUDIT_PAGE_SIZE = 20;

function readTime(query: URLSearchParams, name: string): number | undefined | SimResponse {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time)
    ? telnyxErrors.badParameter(name, `${name} must be an ISO 8601 date-time.`)
    : time;
}

interface TimedEvent {
  event: SimAuditEvent;
  at: number;
}

interface SortedAudit {
  length: number;
  last: SimAuditEvent | undefined;
  byTime: TimedEvent[];
}

const sortedAudits = new WeakMap<SimAuditEvent[], Map<'asc' | 'desc', SortedAudit>>();

/**
 * The log in `sort` order (ties by id), sorted again only once it has grown: the log is only ever
 * appended to, and a 100,000-number account's log read page by page would otherwise be sorted once
 * a page (about 30 ms each at 10,000 entries: the simulator, not the engine, set the bench's pace).
 */
function sortedAudit(log: SimAuditEvent[], sort: 'asc' | 'desc'): TimedEvent[] {
  const bySort = sortedAudits.get(log) ?? new Map<'asc' | 'desc', SortedAudit>();
  sortedAudits.set(log, bySort);
  const known = bySort.get(sort);
  if (known && known.length === log.length && known.last === log.at(-1)) return known.byTime;
  const byTime = log
    .map((event) => ({ event, at: Date.parse(event.created_at) }))
    .sort((a, b) => (sort === 'asc' ? a.at - b.at : b.at - a.at) || a.event.id.localeCompare(b.event.id));
  bySort.set(sort, { length: log.length, last: log.at(-1), byTime });
  return byTime;
}

/**
 * `GET /audit_events` with `filter[created_after]`, `filter[created_before]` and `sort=asc|desc`
 * (newest first unless `asc`).
 */
export function listAuditEvents(ctx: SimContext, query: URLSearchParams): SimResponse {
  const page = parsePage(query, AUDIT_PAGE_SIZE);
  if ('status' in page) return page;
  const after = readTime(query, 'filter[created_after]');
  if (typeof after === 'object') return after;
  const before = readTime(query, 'filter[created_before]');
  if (typeof before === 'object') return before;
  const sort = query.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc')
    return telnyxErrors.badParameter('sort', "sort must be 'asc' or 'desc'.");
  const events = sortedAudit(ctx.state.auditEvents, sort)
    .filter(({ at }) => (after === undefined || at > after) && (before === undefined || at < before))
    .map(({ event }) => event);
  const body = pageBody(events, page);
  body.data = structuredClone(body.data);
  return jsonResponse(200, body);
}
