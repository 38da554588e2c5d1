// Verified caller IDs (2010-04-01) and Monitor events (monitor v1) of the simulator.
import type { JsonObject } from './account-state.js';
import type { SimEvent, SimOutgoingCallerId } from './identity-state.js';
import { listPage } from './list-page.js';
import { v1ListPage } from './list-page-v1.js';
import type { SimContext } from './sim-context.js';
import { noContent, type SimResponse, twilioErrors } from './sim-http.js';

function callerIdView(owner: string, c: SimOutgoingCallerId): JsonObject {
  return {
    ...structuredClone(c),
    account_sid: owner,
    uri: `/2010-04-01/Accounts/${owner}/OutgoingCallerIds/${c.sid}.json`,
  };
}

/** `GET …/OutgoingCallerIds.json`; filters `PhoneNumber` and `FriendlyName`. */
export function listCallerIds(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const number = query.get('PhoneNumber');
  const name = query.get('FriendlyName');
  const owner = ctx.state.account.sid;
  const records = ctx.state.identity.outgoingCallerIds
    .filter(
      (c) => (number === null || c.phone_number === number) && (name === null || c.friendly_name === name),
    )
    .map((c) => callerIdView(owner, c));
  return listPage(records, {
    path,
    key: 'outgoing_caller_ids',
    query,
    filters: ['PhoneNumber', 'FriendlyName'],
  });
}

/** `DELETE …/OutgoingCallerIds/{Sid}.json` (204), or 404. */
export function deleteCallerId(ctx: SimContext, sid: string, path: string): SimResponse {
  const ids = ctx.state.identity.outgoingCallerIds;
  const index = ids.findIndex((c) => c.sid === sid);
  if (index < 0) return twilioErrors.notFound(path);
  ids.splice(index, 1);
  ctx.recordWrite(sid);
  return noContent();
}

const MONITOR_ORIGIN = 'https://monitor.twilio.com';

function eventView(e: SimEvent): JsonObject {
  return { ...structuredClone(e), url: `${MONITOR_ORIGIN}/v1/Events/${e.sid}`, links: {} };
}

function readDate(query: URLSearchParams, name: string): number | null | undefined {
  const raw = query.get(name);
  if (raw === null) return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * `GET /v1/Events` (ListEvent): the authenticated account's events, newest first, filtered by
 * `StartDate`/`EndDate` (ISO 8601, inclusive) and `EventType`, paged the v1 way with `meta`.
 */
export function listEvents(ctx: SimContext, query: URLSearchParams): SimResponse {
  const start = readDate(query, 'StartDate');
  const end = readDate(query, 'EndDate');
  if (start === undefined || end === undefined) {
    return twilioErrors.badParameter('StartDate and EndDate must be ISO 8601 dates');
  }
  const type = query.get('EventType');
  const events = ctx.state.identity.events
    .filter((e) => {
      const at = Date.parse(e.event_date);
      return (
        (start === null || at >= start) &&
        (end === null || at <= end) &&
        (type === null || e.event_type === type)
      );
    })
    .sort((a, b) => Date.parse(b.event_date) - Date.parse(a.event_date));
  return v1ListPage(events.map(eventView), {
    origin: MONITOR_ORIGIN,
    path: '/v1/Events',
    key: 'events',
    query,
    filters: ['StartDate', 'EndDate', 'EventType'],
  });
}
