import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { SecretError } from '../domain/errors.js';
import { revealSecret } from '../secrets/reveal.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/**
 * Reveal: an allowed approver gets a generated credential once. The sealed value is wiped and the
 * reveal audited in the same transaction; the audit entry names the secret, never its value.
 */
export async function revealCredential(
  deps: UseCaseDeps,
  input: Actor & { incidentId: string; secretId: string },
): Promise<{ ok: true; label: string; value: string } | Refusal> {
  const authority = approverAuthority(deps, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const incident = await getIncident(tx, input.incidentId);
      const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
      if (!allowed.allowed) return refuse(allowed.code, allowed.message);
      const secret = await revealSecret(tx, deps.secretKey, input.secretId, input.userId);
      if (secret.incidentId !== incident.id) {
        // Throwing rolls the wipe back: a credential of another incident stays sealed.
        throw new SecretError('secret_not_found', 'That credential is not part of this incident.');
      }
      await appendAudit(tx, {
        incidentId: incident.id,
        actor: input.userId,
        action: 'secret.revealed',
        payload: { secretId: secret.id, label: secret.label, stepId: secret.stepId },
      });
      return { ok: true as const, label: secret.label, value: secret.plaintext };
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
): Promise<{ ok: true; label: string; value: string } | Refusal> {
  const step = await getStep(deps.db, input.stepId);
  const { stepId: _stepId, ...rest } = input;
  return revealCredential(deps, { ...rest, incidentId: step.incidentId });
}
