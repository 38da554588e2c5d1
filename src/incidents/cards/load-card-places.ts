/** Where an incident's cards are in Slack: the channel, the progress card and each step's card. */
import { getIncident } from '../../db/repos/incidents-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import type { Incident, Step } from '../../domain/types.js';
import type { UseCaseDeps } from '../deps.js';

export async function loadCardPlaces(
  deps: Pick<UseCaseDeps, 'db'>,
  incidentId: string,
): Promise<{ incident: Incident; steps: Step[] }> {
  const incident = await getIncident(deps.db, incidentId);
  return { incident, steps: await listSteps(deps.db, incidentId) };
}
