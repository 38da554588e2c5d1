import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../audit/append-audit.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { getStep, insertStep, listSteps, nextStepPosition } from '../../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../../domain/actor.js';
import { canActAsApprover } from '../../domain/approval-policy.js';
import { isContainStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { Step } from '../../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from '../deps.js';
import { queueDiscovery } from '../queue-step-jobs.js';

export interface RestoreRequested {
  ok: true;
  /** The new Restore step: a card of its own, discovered, then approved like any step. */
  restore: Step;
}

/**
 * The Restore button on a done Contain now card (approvers only, audited): raises the Restore step,
 * a new card at the end whose discovery re-reads every resource Contain now stopped and plans back
 * only what is still stopped and that the checklist does not keep stopped; it then needs the usual
 * approval, so what goes back on is seen before it does. One Restore step per Contain now step.
 */
export async function requestRestore(
  deps: UseCaseDeps,
  input: Actor & { stepId: string },
): Promise<RestoreRequested | Refusal> {
  const authority = approverAuthority(deps, input);
  const out = await deps.db.transaction(async (tx): Promise<RestoreRequested | Refusal> => {
    const contain = await getStep(tx, input.stepId, { forUpdate: true });
    const incident = await getIncident(tx, contain.incidentId);
    const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
    if (!allowed.allowed) return refuse(allowed.code, allowed.message);
    if (!isContainStepKey(contain.stepKey) || contain.state !== 'done') {
      return refuse('restore_not_ready', 'Restore puts back what Contain now stopped, once it has run.');
    }
    const key = restoreKeyOf(contain.stepKey);
    if ((await listSteps(tx, incident.id)).some((s) => s.stepKey === key)) {
      return refuse('restore_already_raised', 'Restore is already on its own card below; approve it there.');
    }
    const definition = deps.playbooks.definition(key);
    const restore = await insertStep(tx, {
      id: randomUUID(),
      incidentId: incident.id,
      position: await nextStepPosition(tx, incident.id),
      stepKey: key,
      kind: 'automated',
      risk: definition?.risk ?? 'normal',
      state: 'pending',
    });
    await queueDiscovery(tx, restore);
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: 'containment.restore_requested',
      payload: { stepId: contain.id, stepKey: contain.stepKey, restoreStepId: restore.id },
    });
    return { ok: true, restore };
  });
  if (out.ok) deps.notifier.incidentChanged(out.restore.incidentId);
  return out;
}
