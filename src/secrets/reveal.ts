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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a sealed secret once. Run it in a transaction (with the audit entry of the reveal): the row
 * is locked, decrypted, and its sealed value wiped before the transaction commits, so a rollback
 * leaves it sealed and a commit leaves nothing to reveal again.
 */
export async function revealSecret(
  tx: Queryable,
  key: Buffer,
  secretId: string,
  userId: string,
): Promise<RevealedSecret> {
  if (!UUID.test(secretId)) throw notFound();
  const { rows } = await tx.query<SealedRow>(
    `SELECT id, incident_id, step_id, label, ciphertext, iv, auth_tag, revealed_at
     FROM sealed_secrets WHERE id = $1 FOR UPDATE`,
    [secretId],
  );
  const row = rows[0];
  if (!row) throw notFound();
  if (row.revealed_at !== null || row.ciphertext === null || row.iv === null || row.auth_tag === null) {
    throw alreadyRevealed();
  }
  const plaintext = decryptSecret(
    key,
    { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag },
    row.id,
  );
  // The condition makes the reveal single even for a caller that forgot the transaction.
  const wiped = await tx.query(
    `UPDATE sealed_secrets SET ciphertext = NULL, iv = NULL, auth_tag = NULL, revealed_at = now(), revealed_by = $2
     WHERE id = $1 AND revealed_at IS NULL`,
    [row.id, userId],
  );
  if (wiped.rowCount !== 1) throw alreadyRevealed();
  return { id: row.id, label: row.label, plaintext, incidentId: row.incident_id, stepId: row.step_id };
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
