import { appendAudit } from '../audit/append-audit.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { discoverJobOf, discoverKey, executeJobOf, executeKey } from '../domain/job-kinds.js';
import { isOnIncidentTeam, NOT_ON_TEAM_MESSAGE } from '../domain/team.js';
import type { Step } from '../domain/types.js';
import { enqueueJob } from '../jobs/queue.js';
import { applyEvent } from './apply-event.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';
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
      await enqueueJob(tx, {
        kind: executeJobOf(step.stepKey),
        payload: { stepId: step.id, digest: step.planDigest },
        dedupeKey: executeKey(step.id, step.planDigest),
      });
    } else {
      await enqueueJob(tx, {
        kind: discoverJobOf(step.stepKey),
        payload: { stepId: step.id },
        dedupeKey: discoverKey(step.id),
      });
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
