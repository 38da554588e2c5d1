import { appendAudit } from '../audit/append-audit.js';
import type { Queryable } from '../db/db.js';
import { insertApproval, listApprovals } from '../db/repos/approvals-repo.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import {
  type ApprovalDecision,
  type ApprovalInput,
  decideApproval,
  decideRejection,
} from '../domain/approval-policy.js';
import type { Incident, Step } from '../domain/types.js';
import { applyEvent } from './apply-event.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';
import { queueExecution } from './queue-step-jobs.js';

export interface DecideInput extends Actor {
  stepId: string;
  /** The plan digest the clicked card was drawn with. */
  digest: string;
  reason?: string | null;
}

export interface Decided {
  ok: true;
  step: Step;
  approvers: string[];
  needed: number;
  complete: boolean;
  note?: string;
}

/**
 * A click on Approve: the policy decides on the server; an accepted approval is recorded (unique
 * per step, user and digest) with its audit entry, and the last one needed queues the EXECUTE job
 * bound to that digest. A refusal is audited too and returned for the caller to show.
 */
export function approveStep(deps: UseCaseDeps, input: DecideInput): Promise<Decided | Refusal> {
  return decide(deps, input, 'approve');
}

/** A click on Reject by an allowed approver stops the step (it can be rediscovered or skipped). */
export function rejectStep(deps: UseCaseDeps, input: DecideInput): Promise<Decided | Refusal> {
  return decide(deps, input, 'reject');
}

async function decide(
  deps: UseCaseDeps,
  input: DecideInput,
  kind: 'approve' | 'reject',
): Promise<Decided | Refusal> {
  const authority = approverAuthority(deps, input);
  const result = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, input.stepId, { forUpdate: true });
    const incident = await getIncident(tx, step.incidentId);
    const existing = step.planDigest ? await listApprovals(tx, step.id, step.planDigest) : [];
    const policyInput: ApprovalInput = {
      incident,
      step,
      userId: input.userId,
      clickedDigest: input.digest,
      ...authority,
      highRiskApprovals: deps.highRiskApprovals,
      existing,
    };
    const decision = kind === 'approve' ? decideApproval(policyInput) : decideRejection(policyInput);
    if (!decision.allowed) return refused(tx, incident, step, input, kind, decision);
    const fresh = await insertApproval(tx, {
      stepId: step.id,
      userId: input.userId,
      planDigest: input.digest,
      decision: kind,
      reason: input.reason ?? null,
    });
    if (!fresh) {
      return refused(tx, incident, step, input, kind, {
        allowed: false,
        code: 'already_decided',
        message: 'You have already decided on this plan.',
      });
    }
    let updated = step;
    if (kind === 'reject') {
      updated = await applyEvent(
        tx,
        step,
        { type: 'reject' },
        { decidedBy: input.userId, reason: input.reason ?? null },
      );
    } else if (decision.complete) {
      updated = await applyEvent(tx, step, { type: 'approval_complete' });
      await queueExecution(tx, step, input.digest);
    }
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: kind === 'approve' ? 'step.approved' : 'step.rejected',
      payload: {
        stepId: step.id,
        stepKey: step.stepKey,
        digest: input.digest,
        approvers: decision.approvers,
        needed: decision.needed,
        complete: decision.complete,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    const out: Decided = {
      ok: true,
      step: updated,
      approvers: decision.approvers,
      needed: decision.needed,
      complete: decision.complete,
    };
    if (decision.note) out.note = decision.note;
    return out;
  });
  if (result.ok) deps.notifier.stepChanged(result.step.id, result.step.incidentId);
  return result;
}

async function refused(
  tx: Queryable,
  incident: Incident,
  step: Step,
  input: DecideInput,
  kind: 'approve' | 'reject',
  decision: Extract<ApprovalDecision, { allowed: false }>,
): Promise<Refusal> {
  await appendAudit(tx, {
    incidentId: incident.id,
    actor: input.userId,
    action: kind === 'approve' ? 'step.approval_refused' : 'step.rejection_refused',
    payload: { stepId: step.id, stepKey: step.stepKey, clickedDigest: input.digest, code: decision.code },
  });
  return refuse(decision.code, decision.message);
}
