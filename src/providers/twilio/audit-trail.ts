// Verified caller IDs (2010-04-01) and the account's Monitor events (monitor v1).
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath } from './request.js';
import { resource } from './resource.js';
import { monitorEventSchema, outgoingCallerIdSchema } from './schemas/audit.js';

/** `…/OutgoingCallerIds.json` (ListOutgoingCallerId) and `…/OutgoingCallerIds/{PN}.json` (Delete, 204). */
export type OutgoingCallerIdsApi = ReturnType<typeof createOutgoingCallerIdsApi>;

export function createOutgoingCallerIdsApi(http: ProviderHttp, accountSid: string) {
  const callerIds = resource(http, {
    base: `${accountPath(accountSid)}/OutgoingCallerIds`,
    key: 'outgoing_caller_ids',
    item: outgoingCallerIdSchema,
    prefix: 'PN',
    noun: 'outgoing caller ID',
  });
  return {
    list: callerIds.list,
    /** The number can no longer be used as a caller ID (204). */
    delete: callerIds.delete,
  };
}

/** `GET /v1/Events` (ListEvent) of the authenticated account, `StartDate` to `EndDate` (ISO 8601). */
export type MonitorEventsApi = ReturnType<typeof createMonitorEventsApi>;

export function createMonitorEventsApi(http: ProviderHttp) {
  return {
    list: async ({ start, end }: { start: Date; end: Date }) =>
      listAll(http, {
        path: '/v1/Events',
        key: 'events',
        item: monitorEventSchema,
        operation: 'list Monitor events',
        query: { StartDate: start.toISOString(), EndDate: end.toISOString() },
        v1: true,
      }),
  };
}
