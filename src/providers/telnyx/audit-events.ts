import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { auditEventSchema } from './schemas/audit-events.js';

/**
 * `page[size]` of `GET /audit_events`. The spec names no maximum for it (unlike the other listings'
 * 250); its example is 10, the one size the spec shows, so that is what the client sends.
 */
export const TELNYX_AUDIT_PAGE_SIZE = 10;

export interface AuditEventFilter {
  /** Only entries after this instant (`filter[created_after]`, ISO 8601). */
  createdAfter?: Date;
  /** Only entries before this instant (`filter[created_before]`, ISO 8601). */
  createdBefore?: Date;
}

/**
 * `GET /audit_events`, newest first. The spec calls the log "best-effort, eventually consistent",
 * so it adds to, and never replaces, comparing each resource's `created_at`/`updated_at`.
 */
export type AuditEventsApi = ReturnType<typeof createAuditEventsApi>;

export function createAuditEventsApi(http: ProviderHttp) {
  return {
    list: (filter: AuditEventFilter = {}) =>
      listAll(http, {
        path: '/audit_events',
        operation: 'list audit events',
        item: auditEventSchema,
        pageSize: TELNYX_AUDIT_PAGE_SIZE,
        query: {
          'filter[created_after]': filter.createdAfter?.toISOString(),
          'filter[created_before]': filter.createdBefore?.toISOString(),
          sort: 'desc',
        },
      }),
  };
}
