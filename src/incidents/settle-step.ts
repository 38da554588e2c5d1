import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { listPlanActions } from '../db/repos/plans-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { StateError } from '../domain/errors.js';
import { isOnIncidentTeam, NOT_ON_TEAM_MESSAGE } from '../domain/team.js';
import type { Step } from '../domain/types.js';
import { anchorAuditChain } from './anchor-audit-chain.js';
import { applyEvent } from './apply-event.js';
import { confirmManualStep } from './confirm-manual-step.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export const MAX_REASON_LENGTH = 500;

/** Skip a step, with a reason; only an allowed approver may (anyone in a rehearsal). */
export async function skipStep(
  deps: UseCaseDeps,
  input: Actor & { stepId: string; reason: string },
): Promise<{ ok: true; step: Step } | Refusal> {
  const reason = input.reason.trim();
  if (!reason)
    return refuse('reason_required', 'Say why this step is skipped; the reason goes into the report.');
  if (reason.length > MAX_REASON_LENGTH) {
    return refuse('reason_too_long', `Keep the reason under ${MAX_REASON_LENGTH} characters.`);
  }
  const authority = approverAuthority(deps, input);
  return settle(deps, input.stepId, async (tx, step, incident) => {
    const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
    if (!allowed.allowed) return refuse(allowed.code, allowed.message);
    const updated = await applyEvent(tx, step, { type: 'skip' }, { decidedBy: input.userId, reason });
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: 'step.skipped',
      payload: { stepId: step.id, stepKey: step.stepKey, reason },
    });
    return { ok: true, step: updated };
  });
}

/**
 * Mark done: a manual step the team carried out, or an automated step whose discovery found nothing
 * to change. Records who confirmed it.
 */
export async function markStepDone(
  deps: UseCaseDeps,
  input: Actor & { stepId: string },
): Promise<{ ok: true; step: Step } | Refusal> {
  const { approvers } = approverAuthority(deps, input);
  const confirmed = await confirmManualStep(deps, input.stepId, (incident) =>
    isOnIncidentTeam(incident, input.userId, approvers, deps.responders),
  );
  return settle(deps, input.stepId, async (tx, step, incident) => {
    if (!isOnIncidentTeam(incident, input.userId, approvers, deps.responders)) {
      return refuse('not_on_team', NOT_ON_TEAM_MESSAGE);
    }
    if (!confirmed.ok) return refuse('step_not_confirmed', confirmed.error.message);
    const planIsEmpty =
      step.kind === 'automated' && step.planDigest !== null
        ? (await listPlanActions(tx, step.id, step.planDigest)).length === 0
        : false;
    const updated = await applyEvent(
      tx,
      step,
      { type: 'mark_done', planIsEmpty },
      { decidedBy: input.userId, ...(step.kind === 'manual' ? { error: null } : {}) },
    );
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: 'step.marked_done',
      payload: { stepId: step.id, stepKey: step.stepKey, kind: step.kind, nothingFound: planIsEmpty },
    });
    return { ok: true, step: updated };
  });
}

type SettleFn<T> = (
  tx: Parameters<Parameters<UseCaseDeps['db']['transaction']>[0]>[0],
  step: Step,
  incident: Awaited<ReturnType<typeof getIncident>>,
) => Promise<T | Refusal>;

/** Loads the step under lock, refuses on a closed incident, turns state errors into refusals. */
export async function settle<T extends { ok: true; step: Step }>(
  deps: UseCaseDeps,
  stepId: string,
  fn: SettleFn<T>,
): Promise<T | Refusal> {
  const out = await deps.db
    .transaction(async (tx) => {
      const step = await getStep(tx, stepId, { forUpdate: true });
      const incident = await getIncident(tx, step.incidentId);
      if (incident.status !== 'open') return refuse('incident_closed', 'This incident is closed.');
      return fn(tx, step, incident);
    })
    .catch((err: unknown) => {
      if (err instanceof StateError) return refuse(err.code, err.message);
      throw err;
    });
  if (out.ok) {
    deps.notifier.stepChanged(out.step.id, out.step.incidentId);
    await anchorAuditChain(deps, out.step.incidentId, `step ${out.step.state}: ${out.step.stepKey}`);
  }
  return out;
}
