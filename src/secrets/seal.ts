import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { encryptSecret } from './aes-gcm.js';

export interface SealInput {
  incidentId: string;
  stepId?: string | null;
  /** What it is, shown beside the Reveal button, e.g. "SIP password for connection 123". */
  label: string;
  plaintext: string;
}

/**
 * Seals a generated credential under `key` (AES-256-GCM, the row id as associated data) and stores
 * only the sealed form. Run it in the transaction that records the action that produced it.
 */
export async function sealSecret(tx: Queryable, key: Buffer, input: SealInput): Promise<{ id: string }> {
  const id = randomUUID();
  const box = encryptSecret(key, input.plaintext, id);
  await tx.query(
    `INSERT INTO sealed_secrets (id, incident_id, step_id, label, ciphertext, iv, auth_tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, input.incidentId, input.stepId ?? null, input.label, box.ciphertext, box.iv, box.authTag],
  );
  return { id };
}
