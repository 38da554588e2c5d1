/** The read use case behind a step card: the step, its plan, approvals, policy note and credentials. */
import { listApprovals } from '../../db/repos/approvals-repo.js';
import { listCredentials } from '../../db/repos/connections-repo.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { getPlanSummary, listPlanActions } from '../../db/repos/plans-repo.js';
import { getStep } from '../../db/repos/steps-repo.js';
import { approversConfigured } from '../../domain/actor.js';
import { REHEARSAL_APPROVAL_NOTE, requiredApprovals } from '../../domain/approval-policy.js';
import { connectionOf } from '../../domain/connection.js';
import type { Incident, Step } from '../../domain/types.js';
import { listSealedSecrets } from '../../secrets/list-sealed-secrets.js';
import { loadContainmentView } from '../containment/containment-view.js';
import type { UseCaseDeps } from '../deps.js';
import { stepDefinitionView } from './step-definition-view.js';
import type { ConnectionKeyView, StepCardDefinition, StepCardView } from './view-types.js';

export const NO_APPROVERS_NOTE =
  'No approvers are configured, so nobody can approve this step. Set RECLAIM_APPROVERS or RECLAIM_APPROVER_GROUP and restart Reclaim.';

export type ViewDeps = Pick<
  UseCaseDeps,
  'db' | 'playbooks' | 'highRiskApprovals' | 'approvers' | 'hasApproverGroup'
>;

/** The key a "Give Reclaim the new key" card's connection uses now (its last 4 characters). */
async function connectionKey(
  deps: ViewDeps,
  incident: Incident,
  provider: StepCardDefinition['takesNewCredential'],
): Promise<ConnectionKeyView | null> {
  if (!provider || incident.rehearsal) return null;
  const label = connectionOf(incident.connections, provider);
  const [current] = await listCredentials(deps.db, label);
  return current ? { label, hint: current.hint } : null;
}

export interface StepViewOptions {
  now: Date;
  /** Say on a real incident's cards that approving changes the live account (Reclaim Local). */
  realAccountWarnings: boolean;
}

function policyNote(deps: ViewDeps, incident: Incident, step: Step): string | null {
  if (step.kind === 'manual') return null;
  if (incident.rehearsal) return REHEARSAL_APPROVAL_NOTE;
  if (!approversConfigured(deps)) return NO_APPROVERS_NOTE;
  if (step.risk === 'high') {
    return `High risk: needs ${deps.highRiskApprovals} different approvers, and the requester cannot approve it.`;
  }
  return null;
}

export async function loadStepView(
  deps: ViewDeps,
  stepId: string,
  options: StepViewOptions,
): Promise<StepCardView> {
  const db = deps.db;
  const step = await getStep(db, stepId);
  const incident = await getIncident(db, step.incidentId);
  const digest = step.planDigest;
  const secrets = await listSealedSecrets(db, { stepId });
  const definition = stepDefinitionView(deps.playbooks, step.stepKey);
  const key = await connectionKey(deps, incident, definition.takesNewCredential);
  const actions = digest ? await listPlanActions(db, step.id, digest) : [];
  const containment = await loadContainmentView(db, incident, step, actions);
  return {
    incident,
    step,
    definition,
    ...(key ? { connectionKey: key } : {}),
    summary: digest ? await getPlanSummary(db, step.id, digest) : null,
    actions,
    ...(containment ? { containment } : {}),
    approvals: digest ? await listApprovals(db, step.id, digest) : [],
    needed: requiredApprovals(incident, step, deps.highRiskApprovals),
    policyNote: policyNote(deps, incident, step),
    secrets: secrets.map((s) => ({ id: s.id, label: s.label, revealedAt: s.revealedAt })),
    realAccountWarning: options.realAccountWarnings && !incident.rehearsal,
    now: options.now,
  };
}
