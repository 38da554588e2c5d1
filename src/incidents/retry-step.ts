import { appendAudit } from '../audit/append-audit.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { isOnIncidentTeam, NOT_ON_TEAM_MESSAGE } from '../domain/team.js';
import type { Step } from '../domain/types.js';
import { applyEvent } from './apply-event.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';
import { queueDiscovery, queueExecution } from './queue-step-jobs.js';
import { settle } from './settle-step.js';

/**
 * Retry a failed step, or look again (rediscover) at one awaiting approval or rejected. A failed
 * discovery is read-only, so anyone on the incident team may retry it; retrying a failed execution
 * carries on with the approved plan (done actions are skipped), and rediscovering a rejected step
 * reopens what an approver stopped, so both take an allowed approver. Discovering again begins a
 * new approval round (see applyEvent): approvals given before count no more.
 */
export async function retryStep(
  deps: UseCaseDeps,
  input: Actor & { stepId: string },
): Promise<{ ok: true; step: Step } | Refusal> {
  const authority = approverAuthority(deps, input);
  return settle(deps, input.stepId, async (tx, step, incident) => {
    const executing = step.state === 'failed' && step.failedPhase === 'execute';
    if (executing || step.state === 'rejected') {
      const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
      if (!allowed.allowed) return refuse(allowed.code, allowed.message);
    } else if (!isOnIncidentTeam(incident, input.userId, authority.approvers, deps.responders)) {
      return refuse('not_on_team', NOT_ON_TEAM_MESSAGE);
    }
    const event =
      step.state === 'failed' ? ({ type: 'retry' } as const) : ({ type: 'begin_discovery' } as const);
    const updated = await applyEvent(tx, step, event, { error: null });
    if (updated.state === 'executing' && step.planDigest) {
      await queueExecution(tx, step, step.planDigest);
    } else {
      await queueDiscovery(tx, step);
    }
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: 'step.retried',
      payload: {
        stepId: step.id,
        stepKey: step.stepKey,
        from: step.state,
        phase: updated.state,
        approvalRound: updated.approvalRound,
      },
    });
    return { ok: true, step: updated };
  });
}
