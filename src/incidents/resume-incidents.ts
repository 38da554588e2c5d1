import { listOpenIncidents } from '../db/repos/incidents-repo.js';
import { listInFlightSteps } from '../db/repos/steps-repo.js';
import type { UseCaseDeps } from './deps.js';
import { queueDiscovery, queueExecution } from './queue-step-jobs.js';
import { launchDiscovery } from './start-incident.js';

/**
 * At start-up: every open incident carries on from the database. Steps a crash left discovering,
 * approved or executing get their job back (the dedupe key keeps one live job per step, so a job
 * still in the queue is not doubled), pending steps of incidents with a channel are discovered, and
 * every card is redrawn by the notifier.
 */
export async function resumeIncidents(deps: UseCaseDeps): Promise<{ incidents: number; requeued: number }> {
  const open = await listOpenIncidents(deps.db);
  let requeued = 0;
  await deps.db.transaction(async (tx) => {
    for (const step of await listInFlightSteps(tx)) {
      const job =
        step.state === 'discovering'
          ? await queueDiscovery(tx, step)
          : step.planDigest
            ? await queueExecution(tx, step, step.planDigest)
            : null;
      if (job) requeued += 1;
    }
  });
  for (const incident of open) {
    if (incident.channelId) requeued += await launchDiscovery(deps, incident.id);
    deps.notifier.incidentChanged(incident.id);
  }
  return { incidents: open.length, requeued };
}
