import { listApprovals } from '../../db/repos/approvals-repo.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { getPlanSummary, listPlanActions } from '../../db/repos/plans-repo.js';
import { getStep, listSteps } from '../../db/repos/steps-repo.js';
import { REHEARSAL_APPROVAL_NOTE, requiredApprovals } from '../../domain/approval-policy.js';
import type { Incident, Step } from '../../domain/types.js';
import { listSealedSecrets } from '../../secrets/list-sealed-secrets.js';
import type { ProgressCardView, StepCardDefinition, StepCardView } from '../blocks/types.js';
import type { SlackContext } from './card-context.js';

export const NO_APPROVERS_NOTE =
  'No approvers are configured, so nobody can approve this step. Set RECLAIM_APPROVERS or RECLAIM_APPROVER_GROUP and restart Reclaim.';

export function definitionView(ctx: SlackContext, stepKey: string): StepCardDefinition {
  const d = ctx.deps.playbooks.definition(stepKey);
  if (!d)
    return {
      title: stepKey,
      why: 'This step is no longer in this release of Reclaim.',
      risk: 'normal',
      kind: 'manual',
    };
  return {
    title: d.title,
    why: d.why,
    risk: d.risk,
    kind: d.kind,
    ...(d.kind === 'manual' ? { instructions: d.instructions, ...(d.link ? { link: d.link } : {}) } : {}),
  };
}

async function policyNote(ctx: SlackContext, incident: Incident, step: Step): Promise<string | null> {
  if (step.kind === 'manual') return null;
  if (incident.rehearsal) return REHEARSAL_APPROVAL_NOTE;
  if ((await ctx.deps.approvers()).size === 0) return NO_APPROVERS_NOTE;
  if (step.risk === 'high') {
    return `High risk: needs ${ctx.deps.highRiskApprovals} different approvers, and the requester cannot approve it.`;
  }
  return null;
}

export async function loadStepView(ctx: SlackContext, stepId: string, now: Date): Promise<StepCardView> {
  const db = ctx.deps.db;
  const step = await getStep(db, stepId);
  const incident = await getIncident(db, step.incidentId);
  const digest = step.planDigest;
  const secrets = await listSealedSecrets(db, { stepId });
  return {
    incident,
    step,
    definition: definitionView(ctx, step.stepKey),
    summary: digest ? await getPlanSummary(db, step.id, digest) : null,
    actions: digest ? await listPlanActions(db, step.id, digest) : [],
    approvals: digest ? await listApprovals(db, step.id, digest) : [],
    needed: requiredApprovals(incident, step, ctx.deps.highRiskApprovals),
    policyNote: await policyNote(ctx, incident, step),
    secrets: secrets.map((s) => ({ id: s.id, label: s.label, revealedAt: s.revealedAt })),
    realAccountWarning: ctx.config.mode === 'local' && !incident.rehearsal,
    now,
  };
}

export async function loadProgressView(
  ctx: SlackContext,
  incidentId: string,
  now: Date,
  delayedBySlack: boolean,
): Promise<ProgressCardView> {
  const db = ctx.deps.db;
  const incident = await getIncident(db, incidentId);
  const steps = await listSteps(db, incidentId);
  const views = [];
  for (const step of steps) {
    views.push({
      step,
      title: definitionView(ctx, step.stepKey).title,
      approvals: step.planDigest ? await listApprovals(db, step.id, step.planDigest) : [],
      needed: requiredApprovals(incident, step, ctx.deps.highRiskApprovals),
    });
  }
  return { incident, steps: views, now, delayedBySlack };
}
