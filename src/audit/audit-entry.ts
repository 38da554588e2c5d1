import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/hash.js';
import { AuditError } from './audit-error.js';

/** One link of the chain, as stored and as exported. */
export interface AuditEntry {
  seq: number;
  incidentId: string | null;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

/** The prev_hash of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export const AUDIT_COLUMNS = 'seq, incident_id, actor, action, payload, created_at, prev_hash, hash';

export interface AuditRow {
  seq: number;
  incident_id: string | null;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    incidentId: r.incident_id,
    actor: r.actor,
    action: r.action,
    payload: r.payload,
    createdAt: r.created_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** What the hash covers besides the previous hash. */
export interface HashedFields {
  incidentId: string | null;
  actor: string;
  action: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** sha256(prev_hash + canonical JSON of the entry), hex. */
export function hashAuditEntry(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({
    incidentId: fields.incidentId,
    actor: fields.actor,
    action: fields.action,
    payload: fields.payload,
    createdAt: fields.createdAt.toISOString(),
  });
  return sha256Hex(prevHash + body);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The incident id in the one spelling PostgreSQL hands back (lower-case, hyphenated), so the hash
 * computed on append is the hash recomputed on verify.
 */
export function normaliseIncidentId(id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (!UUID.test(id)) {
    throw new AuditError('audit_bad_incident_id', 'An audit entry needs an incident id in UUID form.');
  }
  return id.toLowerCase();
}
