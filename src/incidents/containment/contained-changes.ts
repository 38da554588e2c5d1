// What an incident's Contain now step stopped, for its Restore step's discovery.
import type { Queryable } from '../../db/db.js';
import { listPlanActions } from '../../db/repos/plans-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { containKeyOf, containStepKey, isRestoreStepKey } from '../../domain/containment.js';
import type { ContainedChange } from '../../playbooks/types.js';

/**
 * The done actions of the Contain now step of `stepKey`'s provider (the one a Restore step undoes),
 * its approved plan only, each as it was planned and with what it recorded: a later step reads the
 * account as it was before the stop (a SendGrid key's scopes before it was cut down). Empty when
 * Contain now stopped nothing.
 */
export async function containedChanges(
  q: Queryable,
  incidentId: string,
  stepKey: string,
): Promise<ContainedChange[]> {
  const containKey = isRestoreStepKey(stepKey)
    ? containKeyOf(stepKey)
    : containStepKey(stepKey.split('.')[0] ?? '');
  const contain = (await listSteps(q, incidentId)).find((s) => s.stepKey === containKey);
  if (!contain?.planDigest || contain.state !== 'done') return [];
  const actions = await listPlanActions(q, contain.id, contain.planDigest);
  return actions
    .filter((a) => a.state === 'done')
    .map((a) => ({ kind: a.kind, target: a.target, params: a.params, result: a.result }));
}
