import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { SecretError } from '../domain/errors.js';
import type { RevealedSecret } from '../secrets/reveal.js';
import { claimSecretReveal, completeSecretReveal, releaseSecretReveal } from '../secrets/reveal-claim.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/** How long a reveal being delivered keeps others from revealing the same credential. */
export const REVEAL_CLAIM_MS = 2 * 60_000;

/** Hands the credential to the person who asked; resolves once it was accepted (e.g. by Slack). */
export type DeliverCredential = (credential: { label: string; value: string }) => Promise<void>;

export type Revealed = { ok: true; label: string; value: string };

export const NOT_DELIVERED_MESSAGE =
  'The credential could not be delivered to you, so Reclaim kept it sealed. Click Reveal again.';

/**
 * Reveal: an allowed approver gets a generated credential once. Read, deliver, then wipe: the secret
 * is claimed (nobody else can reveal it meanwhile), handed to `deliver`, and wiped with the audit
 * entry of the reveal only once `deliver` resolved. A failed delivery releases the claim and is
 * audited (with the error's code, never the value); one cut short by a crash lapses after
 * REVEAL_CLAIM_MS. Without `deliver`, the caller is handed the value in the result.
 */
export async function revealCredential(
  deps: UseCaseDeps,
  input: Actor & { incidentId: string; secretId: string },
  deliver: DeliverCredential = async () => undefined,
): Promise<Revealed | Refusal> {
  const claimed = await claim(deps, input);
  if (!claimed.ok) return claimed;
  const { secret } = claimed;
  const names = { secretId: secret.id, label: secret.label, stepId: secret.stepId };
  try {
    await deliver({ label: secret.label, value: secret.plaintext });
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? 'delivery_failed');
    deps.logger.warn({ ...names, code }, 'a revealed credential was not delivered; it stays sealed');
    await deps.db.transaction(async (tx) => {
      await releaseSecretReveal(tx, secret.id, input.userId);
      await appendAudit(tx, {
        incidentId: secret.incidentId,
        actor: input.userId,
        action: 'secret.reveal_failed',
        payload: { ...names, code },
      });
    });
    return refuse('reveal_not_delivered', NOT_DELIVERED_MESSAGE);
  }
  await deps.db.transaction(async (tx) => {
    const wiped = await completeSecretReveal(tx, secret.id, input.userId);
    await appendAudit(tx, {
      incidentId: secret.incidentId,
      actor: input.userId,
      action: 'secret.revealed',
      payload: wiped ? names : { ...names, note: 'delivered after its claim lapsed' },
    });
  });
  return { ok: true, label: secret.label, value: secret.plaintext };
}

/** Authorises the reveal and claims the secret, in one transaction that commits before delivery. */
async function claim(
  deps: UseCaseDeps,
  input: Actor & { incidentId: string; secretId: string },
): Promise<{ ok: true; secret: RevealedSecret } | Refusal> {
  const authority = approverAuthority(deps, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const incident = await getIncident(tx, input.incidentId);
      const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
      if (!allowed.allowed) return refuse(allowed.code, allowed.message);
      const secret = await claimSecretReveal(tx, deps.secretKey, {
        secretId: input.secretId,
        userId: input.userId,
        now: deps.now(),
        claimMs: REVEAL_CLAIM_MS,
      });
      if (secret.incidentId !== incident.id) {
        // Throwing rolls the claim back: a credential of another incident stays as it was.
        throw new SecretError('secret_not_found', 'That credential is not part of this incident.');
      }
      return { ok: true as const, secret };
    });
  } catch (err) {
    if (err instanceof SecretError) return refuse(err.code, err.message);
    throw err;
  }
}

/** Reveal from a step card's button, which names the step (not the incident) and the credential. */
export async function revealStepCredential(
  deps: UseCaseDeps,
  input: Actor & { stepId: string; secretId: string },
  deliver?: DeliverCredential,
): Promise<Revealed | Refusal> {
  const step = await getStep(deps.db, input.stepId);
  const { stepId: _stepId, ...rest } = input;
  return revealCredential(deps, { ...rest, incidentId: step.incidentId }, deliver);
}
