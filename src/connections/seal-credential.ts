/** A connection's credential sealed with AES-256-GCM, bound to its label and version. */

import type { CredentialRow } from '../db/repos/connections-repo.js';
import type { ProviderCredential } from '../domain/connection.js';
import { SecretError } from '../domain/errors.js';
import { decryptSecret, encryptSecret, type SealedBox } from '../secrets/aes-gcm.js';

/** The associated data: a sealed credential moved to another connection or version will not open. */
const aad = (label: string, version: number) => `connection:${label}:${version}`;

export function sealCredential(
  key: Buffer,
  label: string,
  version: number,
  credential: ProviderCredential,
): SealedBox {
  return encryptSecret(key, JSON.stringify(credential), aad(label, version));
}

/** The credential of one stored version; `connection_credential_wiped` when it was wiped. */
export function openCredential(key: Buffer, label: string, row: CredentialRow): ProviderCredential {
  if (!row.ciphertext || !row.iv || !row.auth_tag) {
    throw new SecretError('connection_credential_wiped', `Version ${row.version} of ${label} was wiped.`);
  }
  const box = { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag };
  return JSON.parse(decryptSecret(key, box, aad(label, row.version))) as ProviderCredential;
}
