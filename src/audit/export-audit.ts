import type { Queryable } from '../db/db.js';
import {
  AUDIT_COLUMNS,
  type AuditEntry,
  type AuditRow,
  normaliseIncidentId,
  toAuditEntry,
} from './audit-entry.js';

export type { AuditEntry } from './audit-entry.js';

/** Every entry of one incident, oldest first (the timeline of its report). */
export async function exportAudit(q: Queryable, incidentId: string): Promise<AuditEntry[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE incident_id = $1 ORDER BY seq`,
    [normaliseIncidentId(incidentId)],
  );
  return rows.map(toAuditEntry);
}
