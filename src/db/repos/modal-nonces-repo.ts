/** Server-side nonces of open modals: stored as hashes, bound to user, step and purpose, used once. */
import type { Queryable } from '../db.js';

export interface ModalNonceRow {
  nonceHash: string;
  purpose: string;
  userId: string;
  stepId: string;
}

export async function insertModalNonce(
  q: Queryable,
  n: ModalNonceRow & { createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO modal_nonces (nonce_hash, purpose, user_id, step_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [n.nonceHash, n.purpose, n.userId, n.stepId, n.createdAt, n.expiresAt],
  );
}

/** Marks the nonce used if it matches user, step and purpose and is unused and unexpired. */
export async function useModalNonce(q: Queryable, n: ModalNonceRow & { now: Date }): Promise<boolean> {
  const res = await q.query(
    `UPDATE modal_nonces SET used_at = $5
     WHERE nonce_hash = $1 AND purpose = $2 AND user_id = $3 AND step_id = $4
       AND used_at IS NULL AND expires_at > $5`,
    [n.nonceHash, n.purpose, n.userId, n.stepId, n.now],
  );
  return res.rowCount === 1;
}

/** Forgets nonces that expired before `before`. */
export async function deleteExpiredModalNonces(q: Queryable, before: Date): Promise<void> {
  await q.query('DELETE FROM modal_nonces WHERE expires_at < $1', [before]);
}
