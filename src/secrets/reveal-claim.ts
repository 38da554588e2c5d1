/** A reveal in three moves, so a credential is wiped only after its one delivery: claim, deliver, wipe. */
import type { Queryable } from '../db/db.js';
import { openSealedSecret, type RevealedSecret, wipeRevealedSecret } from './reveal.js';

/**
 * Opens the secret and claims it for `userId` until `now + claimMs`, wiping nothing: while the claim
 * runs nobody else can reveal it; once it lapses (the process died mid-delivery) anyone allowed can.
 * Commit the claim before delivering.
 */
export async function claimSecretReveal(
  tx: Queryable,
  key: Buffer,
  input: { secretId: string; userId: string; now: Date; claimMs: number },
): Promise<RevealedSecret> {
  const secret = await openSealedSecret(tx, key, input.secretId, input);
  await tx.query(
    'UPDATE sealed_secrets SET reveal_claimed_by = $2, reveal_claimed_until = $3 WHERE id = $1',
    [secret.id, input.userId, new Date(input.now.getTime() + input.claimMs)],
  );
  return secret;
}

/** Delivered: wipes the sealed value, if this user still holds the claim; false otherwise. */
export function completeSecretReveal(tx: Queryable, secretId: string, userId: string): Promise<boolean> {
  return wipeRevealedSecret(tx, secretId, userId, userId);
}

/** Not delivered: gives the claim up, so the secret can be revealed again at once. */
export async function releaseSecretReveal(tx: Queryable, secretId: string, userId: string): Promise<void> {
  await tx.query(
    `UPDATE sealed_secrets SET reveal_claimed_by = NULL, reveal_claimed_until = NULL
     WHERE id = $1 AND reveal_claimed_by = $2 AND revealed_at IS NULL`,
    [secretId, userId],
  );
}
