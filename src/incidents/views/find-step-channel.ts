/** Where a step is worked: its incident's channel (null when the step is unknown). */
import { getIncident } from '../../db/repos/incidents-repo.js';
import { findStep } from '../../db/repos/steps-repo.js';
import type { UseCaseDeps } from '../deps.js';

/** A step id that is not one (a forged or mangled value) is an unknown step, not an error. */
export async function findStepChannel(
  deps: Pick<UseCaseDeps, 'db'>,
  stepId: string,
): Promise<{ stepId: string; incidentId: string; channelId: string | null } | null> {
  const step = await findStep(deps.db, stepId);
  if (!step) return null;
  const incident = await getIncident(deps.db, step.incidentId);
  return { stepId: step.id, incidentId: incident.id, channelId: incident.channelId };
}
