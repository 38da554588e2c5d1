import type { Db, Queryable } from '../db/db.js';
import { canonicalJson } from '../util/canonical-json.js';
import {
  AUDIT_GENESIS_HASH,
  type AuditEntry,
  type AuditRow,
  hashAuditEntry,
  normaliseIncidentId,
  toAuditEntry,
} from './audit-entry.js';
import { AuditError } from './audit-error.js';
import { redactSecrets } from './redact-secrets.js';

export type { AuditEntry } from './audit-entry.js';

export interface NewAuditEntry {
  incidentId?: string | null;
  actor: string;
  action: string;
  payload?: Record<string, unknown>;
}

/**
 * The transaction-level advisory lock every append takes, so appends happen one after another and
 * each reads the hash its predecessor committed. It lies outside the 32-bit range the migration
 * lock (hashtext of the schema) can take.
 */
export const AUDIT_CHAIN_LOCK_KEY = '7236011533947150081';

/**
 * Appends one entry inside the caller's transaction, so the state change and its audit entry commit
 * or roll back together. The caller's transaction must be READ COMMITTED (PostgreSQL's default):
 * the last hash is read after the lock is granted and must see the entry committed just before.
 */
export async function appendAudit(tx: Queryable, entry: NewAuditEntry): Promise<AuditEntry> {
  const [appended] = await appendAuditEntries(tx, [entry]);
  return appended!;
}

/**
 * Appends entries in order inside the caller's transaction, as `appendAudit` does one: the lock is
 * taken and the last hash read once, each entry chained to the one before it, and all inserted in
 * one statement (an execution records its actions in batches).
 */
export async function appendAuditEntries(
  tx: Queryable,
  entries: readonly NewAuditEntry[],
): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  const prepared = entries.map((entry) => {
    const payloadJson = storablePayload(entry.payload ?? {});
    return { entry, incidentId: normaliseIncidentId(entry.incidentId), payloadJson };
  });

  await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let prevHash = last.rows[0]?.hash ?? AUDIT_GENESIS_HASH;
  // Taken after the lock, so timestamps rise along the chain; a JS Date keeps the millisecond
  // precision that survives the round trip through timestamptz unchanged.
  const createdAt = new Date();
  const rows = prepared.map(({ entry, incidentId, payloadJson }, n) => {
    const payload = JSON.parse(payloadJson) as Record<string, unknown>;
    const hash = hashAuditEntry(prevHash, {
      incidentId,
      actor: entry.actor,
      action: entry.action,
      payload,
      createdAt,
    });
    const row = {
      n,
      incident_id: incidentId,
      actor: entry.actor,
      action: entry.action,
      payload,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // Only seq comes back: the rest is what was just hashed (a batch's payloads need no second parse).
  const { rows: inserted } = await tx.query<{ seq: number; hash: string }>(
    `INSERT INTO audit_log (incident_id, actor, action, payload, created_at, prev_hash, hash)
     SELECT e.incident_id, e.actor, e.action, e.payload, $2, e.prev_hash, e.hash
       FROM jsonb_to_recordset($1::jsonb)
         AS e(n integer, incident_id uuid, actor text, action text, payload jsonb, prev_hash text, hash text)
      ORDER BY e.n
     RETURNING seq, hash`,
    [JSON.stringify(rows), createdAt],
  );
  const seqOf = new Map(inserted.map((r) => [r.hash, Number(r.seq)]));
  return rows.map((r) =>
    toAuditEntry({ ...r, seq: seqOf.get(r.hash) ?? Number.NaN, created_at: createdAt } as AuditRow),
  );
}

/** Appends in a transaction of its own, for events that change nothing else. */
export function appendAuditNow(db: Db, entry: NewAuditEntry): Promise<AuditEntry> {
  return db.transaction((tx) => appendAudit(tx, entry));
}

/** Redacted and reduced to plain JSON, so what is hashed is exactly what jsonb gives back. */
function storablePayload(payload: Record<string, unknown>): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new AuditError('audit_payload_invalid', 'An audit payload must be a JSON object.');
  }
  let json: string;
  try {
    json = canonicalJson(redactSecrets(payload));
  } catch (err) {
    throw new AuditError('audit_payload_invalid', 'An audit payload must be plain JSON.', { cause: err });
  }
  // jsonb cannot hold U+0000; refuse it here with our own error rather than PostgreSQL's.
  if (/(^|[^\\])(\\\\)*\\u0000/.test(json)) {
    throw new AuditError('audit_payload_invalid', 'An audit payload may not contain the NUL character.');
  }
  return json;
}
