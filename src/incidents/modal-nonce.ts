/** The nonce a modal carries: issued when Reclaim opens it, redeemed once when it is submitted. */
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/append-audit.js';
import { deleteExpiredModalNonces, insertModalNonce, useModalNonce } from '../db/repos/modal-nonces-repo.js';
import { findStep } from '../db/repos/steps-repo.js';
import { sha256Hex } from '../util/hash.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/** How long a modal may stay open before its submission is refused. */
export const MODAL_NONCE_TTL_MS = 60 * 60_000;

export interface ModalBinding {
  /** What the modal is for, e.g. `skip`. */
  purpose: string;
  userId: string;
  stepId: string;
}

export const MODAL_REFUSED_MESSAGE =
  'That form is no longer valid (it was used already, has expired, or was not opened for you on this step), so nothing was changed. Click the button on the step card again.';

/** A fresh nonce for a modal opened for this user on this step; only its hash is stored. */
export async function issueModalNonce(
  deps: Pick<UseCaseDeps, 'db' | 'now'>,
  binding: ModalBinding,
): Promise<string> {
  const nonce = randomBytes(24).toString('base64url');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await deleteExpiredModalNonces(tx, new Date(now.getTime() - MODAL_NONCE_TTL_MS));
    await insertModalNonce(tx, {
      ...binding,
      nonceHash: sha256Hex(nonce),
      createdAt: now,
      expiresAt: new Date(now.getTime() + MODAL_NONCE_TTL_MS),
    });
  });
  return nonce;
}

/**
 * Redeems a submitted modal's nonce: accepted once, from the user it was opened for, for that step
 * and purpose, before it expires. Anything else is refused and audited; nothing else changes.
 */
export async function redeemModalNonce(
  deps: Pick<UseCaseDeps, 'db' | 'now'>,
  input: ModalBinding & { nonce: string | undefined },
): Promise<{ ok: true } | Refusal> {
  const { nonce, ...binding } = input;
  // A step id that is not one (altered metadata) names no step: looked up outside the transaction.
  const step = await findStep(deps.db, binding.stepId);
  return deps.db.transaction(async (tx) => {
    const used =
      step !== null &&
      nonce !== undefined &&
      (await useModalNonce(tx, { ...binding, nonceHash: sha256Hex(nonce), now: deps.now() }));
    if (used) return { ok: true as const };
    await appendAudit(tx, {
      incidentId: step?.incidentId ?? null,
      actor: binding.userId,
      action: 'modal.refused',
      payload: { purpose: binding.purpose, stepId: step?.id ?? null, code: 'modal_nonce_invalid' },
    });
    return refuse('modal_nonce_invalid', MODAL_REFUSED_MESSAGE);
  });
}
