// Contain now steps that stopped something and whose Restore was never raised: closing would leave them stopped.
import type { Queryable } from '../../db/db.js';
import { lastActionDoneAt } from '../../db/repos/containment-repo.js';
import { isContainStepKey, restoreKeyOf } from '../../domain/containment.js';
import type { Step } from '../../domain/types.js';

/** The done Contain now steps among `steps` that stopped something and have no Restore step. */
export async function stillContained(q: Queryable, steps: readonly Step[]): Promise<Step[]> {
  const keys = new Set(steps.map((s) => s.stepKey));
  const held: Step[] = [];
  for (const s of steps) {
    if (!isContainStepKey(s.stepKey) || s.state !== 'done' || !s.planDigest) continue;
    if (keys.has(restoreKeyOf(s.stepKey))) continue;
    if ((await lastActionDoneAt(q, s.id, s.planDigest)) !== null) held.push(s);
  }
  return held;
}
