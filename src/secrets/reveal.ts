import type { Queryable } from '../db/db.js';
import { SecretError } from '../domain/errors.js';
import { decryptSecret } from './aes-gcm.js';

export interface RevealedSecret {
  id: string;
  label: string;
  plaintext: string;
  incidentId: string;
  stepId: string | null;
}

interface SealedRow {
  id: string;
  incident_id: string;
  step_id: string | null;
  label: string;
  ciphertext: string | null;
  iv: string | null;
  auth_tag: string | null;
  revealed_at: Date | null;
  wiped_at: Date | null;
  reveal_claimed_by: string | null;
  reveal_claimed_until: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Locks a sealed secret's row and opens it, wiping nothing. Refused when it is unknown, revealed,
 * wiped at close, or (with `claimant`) claimed for a reveal by someone else whose claim still runs.
 */
export async function openSealedSecret(
  tx: Queryable,
  key: Buffer,
  secretId: string,
  claimant?: { userId: string; now: Date },
): Promise<RevealedSecret> {
  if (!UUID.test(secretId)) throw notFound();
  const { rows } = await tx.query<SealedRow>(
    `SELECT id, incident_id, step_id, label, ciphertext, iv, auth_tag, revealed_at, wiped_at,
            reveal_claimed_by, reveal_claimed_until
     FROM sealed_secrets WHERE id = $1 FOR UPDATE`,
    [secretId],
  );
  const row = rows[0];
  if (!row) throw notFound();
  if (row.revealed_at !== null) throw alreadyRevealed();
  if (row.wiped_at !== null) throw wipedAtClose();
  if (row.ciphertext === null || row.iv === null || row.auth_tag === null) throw alreadyRevealed();
  const claimedByOther =
    claimant !== undefined &&
    row.reveal_claimed_until !== null &&
    row.reveal_claimed_until > claimant.now &&
    row.reveal_claimed_by !== claimant.userId;
  if (claimedByOther) throw beingRevealed();
  const plaintext = decryptSecret(
    key,
    { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag },
    row.id,
  );
  return { id: row.id, label: row.label, plaintext, incidentId: row.incident_id, stepId: row.step_id };
}

/**
 * Opens a sealed secret once and wipes it at the same time. Run it in a transaction (with the audit
 * entry of the reveal): a rollback leaves it sealed, a commit leaves nothing to reveal again. A
 * reveal to a person goes through reveal-claim.ts instead: wiped only once it was delivered.
 */
export async function revealSecret(
  tx: Queryable,
  key: Buffer,
  secretId: string,
  userId: string,
): Promise<RevealedSecret> {
  const secret = await openSealedSecret(tx, key, secretId);
  if (!(await wipeRevealedSecret(tx, secret.id, userId))) throw alreadyRevealed();
  return secret;
}

/**
 * Wipes the sealed value of a revealed secret and records who got it. The condition keeps the
 * reveal single even for a caller that forgot the transaction; false when it was revealed already.
 */
export async function wipeRevealedSecret(
  tx: Queryable,
  secretId: string,
  userId: string,
  onlyClaimedBy?: string,
): Promise<boolean> {
  const wiped = await tx.query(
    `UPDATE sealed_secrets SET ciphertext = NULL, iv = NULL, auth_tag = NULL, revealed_at = now(),
       revealed_by = $2, reveal_claimed_by = NULL, reveal_claimed_until = NULL
     WHERE id = $1 AND revealed_at IS NULL${onlyClaimedBy === undefined ? '' : ' AND reveal_claimed_by = $3'}`,
    onlyClaimedBy === undefined ? [secretId, userId] : [secretId, userId, onlyClaimedBy],
  );
  return wiped.rowCount === 1;
}

function notFound(): SecretError {
  return new SecretError('secret_not_found', 'There is no sealed secret with that id.');
}

function alreadyRevealed(): SecretError {
  return new SecretError(
    'secret_already_revealed',
    'This secret was already revealed once and has been wiped.',
  );
}

function wipedAtClose(): SecretError {
  return new SecretError(
    'secret_wiped',
    'This credential was never revealed and was wiped when the incident closed: rotate it again.',
  );
}

function beingRevealed(): SecretError {
  return new SecretError(
    'secret_reveal_in_progress',
    'Someone else is being shown this credential right now. If it does not reach them, it can be revealed again in a couple of minutes.',
  );
}
