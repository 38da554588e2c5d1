import type { TelnyxAccountState } from './account.js';
import type { AuditChange, JsonObject, SimAuditEvent } from './account-state.js';
import { isObject } from './validate-body.js';

/** Fields whose values an audit entry leaves out (the spec's audit log is read by admins, not us). */
const SECRET_FIELD = /password|secret|token|external_pin/i;

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, value);
}

/** Field-level differences between two versions of a record, as `changes[]{field, from, to}`. */
export function diffRecords(before: JsonObject, after: JsonObject): AuditChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const changes: AuditChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    if (field === 'updated_at') continue;
    const from = a.get(field) ?? null;
    const to = b.get(field) ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes.push(SECRET_FIELD.test(field) ? { field, from: null, to: null } : { field, from, to });
  }
  return changes;
}

export interface AuditInput {
  id: string;
  at: string;
  changeType: SimAuditEvent['change_type'];
  resourceId: string;
  alternateResourceId?: string | null;
  changes: AuditChange[] | null;
  madeBy?: SimAuditEvent['change_made_by'];
  userId?: string;
}

/** Appends one entry to the account's audit log (served by `GET /audit_events`). */
export function appendAuditEvent(state: TelnyxAccountState, input: AuditInput): SimAuditEvent {
  const event: SimAuditEvent = {
    id: input.id,
    record_type: 'audit_event',
    change_type: input.changeType,
    change_made_by: input.madeBy ?? 'account_owner',
    changes: input.changes,
    resource_id: input.resourceId,
    alternate_resource_id: input.alternateResourceId ?? null,
    organization_id: state.organizationId,
    user_id: input.userId ?? state.ownerUserId,
    created_at: input.at,
  };
  state.auditEvents.push(event);
  return event;
}
