/** The read use case behind the progress card: every step of the incident with its approvals. */
import { listApprovals } from '../../db/repos/approvals-repo.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { findWatch } from '../../db/repos/watch-repo.js';
import { requiredApprovals } from '../../domain/approval-policy.js';
import type { UseCaseDeps } from '../deps.js';
import { stepDefinitionView } from './step-definition-view.js';
import type { ProgressCardView, ProgressStepView } from './view-types.js';

export async function loadProgressView(
  deps: Pick<UseCaseDeps, 'db' | 'playbooks' | 'highRiskApprovals'>,
  incidentId: string,
  options: { now: Date; delayedBySlack: boolean },
): Promise<ProgressCardView> {
  const db = deps.db;
  const incident = await getIncident(db, incidentId);
  const steps = await listSteps(db, incidentId);
  const views: ProgressStepView[] = [];
  for (const step of steps) {
    views.push({
      step,
      title: stepDefinitionView(deps.playbooks, step.stepKey).title,
      approvals: step.planDigest ? await listApprovals(db, step.id, step.planDigest) : [],
      needed: requiredApprovals(incident, step, deps.highRiskApprovals),
    });
  }
  const watch = await findWatch(db, incidentId);
  return { incident, steps: views, now: options.now, delayedBySlack: options.delayedBySlack, watch };
}
