/** Anchors: the audit chain's head (seq, hash) written down outside the database, and checked against it. */
import { appendFile, readFile } from 'node:fs/promises';
import type { Queryable } from '../db/db.js';
import type { AuditAnchor, RecordedAnchor } from '../domain/audit-anchor.js';
import { AuditError } from './audit-error.js';

export { type AuditAnchor, formatAnchor, type RecordedAnchor } from '../domain/audit-anchor.js';

const HASH = /^[0-9a-f]{64}$/;
const TEXT = /\b(\d+):([0-9a-f]{64})\b/;

/** The head of the chain, or null while it is empty. */
export async function readChainHead(q: Queryable): Promise<AuditAnchor | null> {
  const { rows } = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** Reads `seq:hash` out of a line of text (a pasted channel message works); throws when there is none. */
export function parseAnchor(text: string): AuditAnchor {
  const match = TEXT.exec(text.trim().toLowerCase());
  if (!match) {
    throw new AuditError(
      'audit_anchor_invalid',
      `"${text.slice(0, 80)}" is not an anchor: it takes the form <seq>:<64 hex digits>.`,
    );
  }
  return { seq: Number(match[1]), hash: match[2]! };
}

/** Appends one anchor as a JSON line to the anchor file (made 0600). */
export async function appendAnchorFile(path: string, anchor: RecordedAnchor): Promise<void> {
  await appendFile(path, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** Every anchor of the anchor file, oldest first; none when there is no file. Unreadable lines are refused. */
export async function readAnchorFile(path: string): Promise<RecordedAnchor[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = JSON.parse(line) as Partial<RecordedAnchor>;
      if (typeof parsed.seq !== 'number' || typeof parsed.hash !== 'string' || !HASH.test(parsed.hash)) {
        throw new AuditError('audit_anchor_invalid', `${path}, line ${i + 1}: not an anchor.`);
      }
      return parsed as RecordedAnchor;
    });
}

/** An anchor the database no longer agrees with. */
export interface AnchorMismatch {
  anchor: AuditAnchor;
  found: string | null;
}

/**
 * Each anchor must still be in the chain as it was written down: the entry with that seq exists and
 * has that hash. A chain re-computed after rows were deleted or altered, or cut short, fails here
 * even when its own links verify.
 */
export async function checkAnchors(q: Queryable, anchors: readonly AuditAnchor[]): Promise<AnchorMismatch[]> {
  const out: AnchorMismatch[] = [];
  for (const anchor of anchors) {
    const { rows } = await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [
      anchor.seq,
    ]);
    const found = rows[0]?.hash ?? null;
    if (found !== anchor.hash) out.push({ anchor, found });
  }
  return out;
}
