import type { Queryable } from '../db/db.js';
import {
  AUDIT_COLUMNS,
  AUDIT_GENESIS_HASH,
  type AuditRow,
  hashAuditEntry,
  toAuditEntry,
} from './audit-entry.js';

export type AuditChainVerdict =
  | { ok: true; count: number }
  /** `count` is the number of intact entries before the broken one. */
  | { ok: false; count: number; brokenAt: number; reason: string };

const PAGE_SIZE = 500;

/**
 * Walks the whole chain in seq order and names the first entry that does not hold: its prev_hash
 * is not the hash of the entry before it (an entry was removed or reordered), or its hash is not
 * the hash of its own contents (it was altered). Gaps in seq are normal (a rolled-back append uses
 * up a number); the links are what count. Removing the newest entries leaves no trace in the chain
 * itself; compare `count` with a count noted elsewhere to catch that.
 */
export async function verifyAuditChain(q: Queryable): Promise<AuditChainVerdict> {
  let expectedPrev = AUDIT_GENESIS_HASH;
  let previousSeq: number | null = null;
  let count = 0;
  for (;;) {
    const { rows } = await q.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT ${PAGE_SIZE}`,
      [previousSeq ?? 0],
    );
    for (const row of rows) {
      const entry = toAuditEntry(row);
      if (entry.prevHash !== expectedPrev) {
        const after = previousSeq === null ? 'the genesis hash' : `the hash of entry ${previousSeq}`;
        return { ok: false, count, brokenAt: entry.seq, reason: `prev_hash does not link to ${after}` };
      }
      const recomputed = hashAuditEntry(entry.prevHash, entry);
      if (recomputed !== entry.hash) {
        return {
          ok: false,
          count,
          brokenAt: entry.seq,
          reason: 'hash mismatch: the entry was altered after it was written',
        };
      }
      expectedPrev = entry.hash;
      previousSeq = entry.seq;
      count += 1;
    }
    if (rows.length < PAGE_SIZE) return { ok: true, count };
  }
}
