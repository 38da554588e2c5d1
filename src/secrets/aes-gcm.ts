import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretError } from '../domain/errors.js';

/** A sealed value as stored: base64 text in sealed_secrets.ciphertext / iv / auth_tag. */
export interface SealedBox {
  ciphertext: string;
  iv: string;
  authTag: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export function assertSecretKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== SECRET_KEY_BYTES) {
    throw new SecretError(
      'secret_key_invalid',
      'The secret key must be 32 bytes (RECLAIM_SECRET_KEY, base64).',
    );
  }
}

/** AES-256-GCM with a fresh 96-bit IV; `aad` binds the box to its row so it cannot be moved. */
export function encryptSecret(key: Buffer, plaintext: string, aad: string): SealedBox {
  assertSecretKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.from(plaintext, 'utf8');
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  data.fill(0);
  return {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
  };
}

/** The plaintext, or `secret_unreadable` when the key, the AAD or any byte of the box is wrong. */
export function decryptSecret(key: Buffer, box: SealedBox, aad: string): string {
  assertSecretKey(key);
  const iv = Buffer.from(box.iv, 'base64');
  const tag = Buffer.from(box.authTag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
  let data: Buffer;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    data = Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
  } catch {
    // Deliberately no cause: nothing about the key or the bytes leaves this function.
    throw unreadable();
  }
  const plaintext = data.toString('utf8');
  data.fill(0);
  return plaintext;
}

function unreadable(): SecretError {
  return new SecretError(
    'secret_unreadable',
    'The sealed secret cannot be opened: the key is not the one it was sealed with, or the stored value was altered.',
  );
}
