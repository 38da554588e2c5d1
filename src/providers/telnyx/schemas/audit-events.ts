import { z } from 'zod';
import { listOf, nullableString } from './common.js';

/** Field names whose old and new values are never kept (`password`, `v1_secret`, `external_pin`, …). */
const SECRET_FIELD = /pass|secret|token|pin|key/i;

export interface AuditEventChange {
  /** Dotted path of the changed field, e.g. `call_forwarding.forwards_to`. */
  field: string;
  /** Any JSON value; `"[redacted]"` when the field holds a secret. */
  from: unknown;
  to: unknown;
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

/** One entry of `GET /audit_events` ("best-effort, eventually consistent" per the spec). */
export type AuditEvent = z.output<typeof auditEventSchema>;
export const auditEventSchema = z.object({
  id: z.string(),
  record_type: nullableString,
  change_type: nullableString,
  change_made_by: nullableString,
  user_id: nullableString,
  resource_id: nullableString,
  alternate_resource_id: nullableString,
  changes: listOf(changeSchema),
  created_at: nullableString,
});
