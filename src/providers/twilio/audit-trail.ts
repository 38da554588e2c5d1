// Verified caller IDs (2010-04-01) and the account's Monitor events (monitor v1).
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { listAllV1 } from './pagination-v1.js';
import { accountPath, noContent, send } from './request.js';
import {
  type MonitorEvent,
  monitorEventSchema,
  type OutgoingCallerId,
  outgoingCallerIdSchema,
} from './schemas/audit.js';
import { checkedSid } from './sid.js';

/** `…/OutgoingCallerIds.json` (ListOutgoingCallerId) and `…/OutgoingCallerIds/{PN}.json` (Delete, 204). */
export interface OutgoingCallerIdsApi {
  list(): Promise<Listing<OutgoingCallerId>>;
  /** The number can no longer be used as a caller ID (204). */
  delete(sid: string): Promise<void>;
}

export function createOutgoingCallerIdsApi(http: ProviderHttp, accountSid: string): OutgoingCallerIdsApi {
  const base = `${accountPath(accountSid)}/OutgoingCallerIds`;
  return {
    list: async () =>
      listAll(http, {
        path: `${base}.json`,
        key: 'outgoing_caller_ids',
        item: outgoingCallerIdSchema,
        operation: 'list outgoing caller IDs',
      }),
    delete: async (sid) =>
      send(http, {
        method: 'DELETE',
        path: `${base}/${checkedSid('PN', sid, 'delete outgoing caller ID')}.json`,
        operation: 'delete outgoing caller ID',
        schema: noContent,
      }),
  };
}

/** `GET /v1/Events` (ListEvent) of the authenticated account, `StartDate` to `EndDate` (ISO 8601). */
export interface MonitorEventsApi {
  list(window: { start: Date; end: Date }): Promise<Listing<MonitorEvent>>;
}

export function createMonitorEventsApi(http: ProviderHttp): MonitorEventsApi {
  return {
    list: async ({ start, end }) =>
      listAllV1(http, {
        path: '/v1/Events',
        key: 'events',
        item: monitorEventSchema,
        operation: 'list Monitor events',
        query: { StartDate: start.toISOString(), EndDate: end.toISOString() },
      }),
  };
}
