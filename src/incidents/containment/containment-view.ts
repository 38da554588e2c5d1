// What a Contain now card shows once it ran: when the last stop was written, how many, and its Restore.
import type { Queryable } from '../../db/db.js';
import { lastActionDoneAt } from '../../db/repos/containment-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { isContainStepKey, restoreKeyOf, secondsToContain } from '../../domain/containment.js';
import type { Incident, PlanAction, Step } from '../../domain/types.js';
import type { ContainmentView } from '../views/view-types.js';

/** The containment of a Contain now step; undefined for any other step. */
export async function loadContainmentView(
  q: Queryable,
  incident: Incident,
  step: Step,
  actions: readonly PlanAction[],
): Promise<ContainmentView | undefined> {
  if (!isContainStepKey(step.stepKey)) return undefined;
  const containedAt = step.planDigest ? await lastActionDoneAt(q, step.id, step.planDigest) : null;
  const key = restoreKeyOf(step.stepKey);
  const restore = (await listSteps(q, incident.id)).find((s) => s.stepKey === key);
  return {
    containedAt,
    secondsAfterStart: containedAt ? secondsToContain(incident.createdAt, containedAt) : null,
    stopped: actions.filter((a) => a.state === 'done').length,
    restoreState: restore?.state ?? null,
  };
}
