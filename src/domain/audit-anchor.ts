/** An anchor: the audit chain's head (seq, hash) at one moment, written down outside the database. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** An anchor as the channel, the anchor file and the report keep it: when, why, for which incident. */
export interface RecordedAnchor extends AuditAnchor {
  at: string;
  reason: string;
  incidentId: string | null;
}

/** `1234:3fa9…` (the whole hash): what the channel and the report show, and what --anchor takes. */
export function formatAnchor(anchor: AuditAnchor): string {
  return `${anchor.seq}:${anchor.hash}`;
}
