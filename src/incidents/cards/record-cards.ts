/** Records where a card was posted, so it is updated in place (and not posted again) later. */
import { setProgressTs } from '../../db/repos/incidents-repo.js';
import { getStep, setStepMessageTs } from '../../db/repos/steps-repo.js';
import type { Step } from '../../domain/types.js';
import type { UseCaseDeps } from '../deps.js';

export async function recordProgressCard(
  deps: Pick<UseCaseDeps, 'db'>,
  incidentId: string,
  ts: string,
): Promise<void> {
  await setProgressTs(deps.db, incidentId, ts);
}

/** Returns the step as it is now: a change that landed while its card was posted shows in `version`. */
export async function recordStepCard(
  deps: Pick<UseCaseDeps, 'db'>,
  stepId: string,
  ts: string,
): Promise<Step> {
  await setStepMessageTs(deps.db, stepId, ts);
  return getStep(deps.db, stepId);
}
