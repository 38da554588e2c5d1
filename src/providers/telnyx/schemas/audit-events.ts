import { z } from 'zod';
import { nullableString } from './common.js';

/** Field names whose old and new values are never kept (`password`, `v1_secret`, `external_pin`, …). */
const SECRET_FIELD = /pass|secret|token|pin|key/i;

export interface AuditEventChange {
  /** Dotted path of the changed field, e.g. `call_forwarding.forwards_to`. */
  field: string;
  /** Any JSON value; `"[redacted]"` when the field holds a secret. */
  from: unknown;
  to: unknown;
}

/** One entry of `GET /audit_events` ("best-effort, eventually consistent" per the spec). */
export interface AuditEvent {
  id: string;
  record_type: string | null;
  change_type: string | null;
  change_made_by: string | null;
  user_id: string | null;
  resource_id: string | null;
  alternate_resource_id: string | null;
  changes: AuditEventChange[];
  created_at: string | null;
}

/** The spec requires no field of a change; one that names no field is kept as `(unnamed)`. */
const changeSchema = z
  .object({
    field: z
      .string()
      .nullish()
      .transform((v) => v ?? '(unnamed)'),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
  })
  .transform(
    ({ field, from, to }): AuditEventChange =>
      SECRET_FIELD.test(field)
        ? { field, from: '[redacted]', to: '[redacted]' }
        : { field, from: from ?? null, to: to ?? null },
  );

export const auditEventSchema: z.ZodType<AuditEvent> = z.object({
  id: z.string(),
  record_type: nullableString,
  change_type: nullableString,
  change_made_by: nullableString,
  user_id: nullableString,
  resource_id: nullableString,
  alternate_resource_id: nullableString,
  changes: z
    .array(changeSchema)
    .nullish()
    .transform((v) => v ?? []),
  created_at: nullableString,
});
