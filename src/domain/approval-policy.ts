import { STATE_LABELS } from './step-machine.js';
import type { Risk, StepState } from './types.js';

export interface PolicyIncident {
  rehearsal: boolean;
  requestedBy: string;
  status: 'open' | 'closed';
}

export interface PolicyStep {
  state: StepState;
  risk: Risk;
  planDigest: string | null;
}

export interface ApprovalInput {
  incident: PolicyIncident;
  step: PolicyStep;
  userId: string;
  /** The plan digest the clicked card was drawn with. */
  clickedDigest: string;
  /** Allowed approvers: RECLAIM_APPROVERS ∪ members of RECLAIM_APPROVER_GROUP, resolved by the caller. */
  approvers: ReadonlySet<string>;
  /** Whether any approver is configured at all (an approver group may have members not listed here); default: approvers is not empty. */
  anyApprover?: boolean;
  /** RECLAIM_HIGH_RISK_APPROVALS. */
  highRiskApprovals: number;
  /** Decisions already recorded for the step's current plan digest. */
  existing: ReadonlyArray<{ userId: string; decision: 'approve' | 'reject' }>;
}

export type RefusalCode =
  | 'incident_closed'
  | 'step_not_awaiting_approval'
  | 'stale_plan'
  | 'no_approvers_configured'
  | 'not_an_approver'
  | 'own_request'
  | 'already_decided';

export type ApprovalDecision =
  | { allowed: true; approvers: string[]; needed: number; complete: boolean; note?: string }
  | { allowed: false; code: RefusalCode; message: string };

type Refused = Extract<ApprovalDecision, { allowed: false }>;
type ActorRefusal = {
  allowed: false;
  code: 'incident_closed' | 'no_approvers_configured' | 'not_an_approver';
  message: string;
};

export const REHEARSAL_APPROVAL_NOTE = 'Rehearsal: one approval from anyone is enough.';
export const REHEARSAL_REJECTION_NOTE = 'Rehearsal: anyone may reject.';

/** Distinct approvals a step needs: one in a rehearsal, N for a high-risk step, one otherwise. */
export function requiredApprovals(
  incident: PolicyIncident,
  step: PolicyStep,
  highRiskApprovals: number,
): number {
  if (incident.rehearsal || step.risk !== 'high') return 1;
  return Math.max(1, Math.floor(highRiskApprovals));
}

/**
 * May this user approve the plan on this card? Checked in order: incident open, step awaiting
 * approval, card showing the current plan, then (outside rehearsals) approvers configured, user
 * among them, not the requester of a high-risk step, not already decided. When allowed, says whether
 * this approval is the last one needed.
 */
export function decideApproval(input: ApprovalInput): ApprovalDecision {
  const refused = refuseCommon(input) ?? refuseActor(input, 'approve') ?? refuseDecided(input);
  if (refused) return refused;
  const approvers = distinctApprovers(input.existing, input.userId);
  const needed = requiredApprovals(input.incident, input.step, input.highRiskApprovals);
  const complete = approvers.length >= needed;
  if (input.incident.rehearsal)
    return { allowed: true, approvers, needed, complete, note: REHEARSAL_APPROVAL_NOTE };
  if (complete) return { allowed: true, approvers, needed, complete };
  const missing = needed - approvers.length;
  const note = `Approved by ${approvers.length} of ${needed}; ${missing} more approver${missing === 1 ? '' : 's'} needed.`;
  return { allowed: true, approvers, needed, complete, note };
}

/**
 * May this user reject the plan on this card? The same checks as an approval, except that the
 * requester may reject his own incident's steps (rejecting is the safe direction). A rejection is
 * complete at once: the step stops. `approvers` is then the rejecting user alone.
 */
export function decideRejection(input: ApprovalInput): ApprovalDecision {
  const refused = refuseCommon(input) ?? refuseActor(input, 'reject') ?? refuseDecided(input);
  if (refused) return refused;
  const decision: ApprovalDecision = { allowed: true, approvers: [input.userId], needed: 1, complete: true };
  return input.incident.rehearsal ? { ...decision, note: REHEARSAL_REJECTION_NOTE } : decision;
}

/** May this user act as an approver (Skip, Retry, Reveal)? In a rehearsal, anyone may. */
export function canActAsApprover(input: {
  incident: PolicyIncident;
  userId: string;
  approvers: ReadonlySet<string>;
  anyApprover?: boolean;
}): { allowed: true } | ActorRefusal {
  if (input.incident.status === 'closed') return closed();
  if (input.incident.rehearsal) return { allowed: true };
  return refuseOutsider(input, 'do this') ?? { allowed: true };
}

function refuseCommon(input: ApprovalInput): Refused | null {
  if (input.incident.status === 'closed') return closed();
  const { state, planDigest } = input.step;
  if (state !== 'awaiting_approval') {
    const now = STATE_LABELS[state].toLowerCase();
    return refuse('step_not_awaiting_approval', `This step is not waiting for approval; it is ${now}.`);
  }
  if (planDigest === null || input.clickedDigest !== planDigest) {
    return refuse(
      'stale_plan',
      'The plan changed since this card was drawn; look at the new plan and click again.',
    );
  }
  return null;
}

function refuseActor(input: ApprovalInput, verb: 'approve' | 'reject'): Refused | null {
  if (input.incident.rehearsal) return null;
  const outsider = refuseOutsider(input, verb);
  if (outsider) return outsider;
  if (verb === 'approve' && input.step.risk === 'high' && input.userId === input.incident.requestedBy) {
    return refuse(
      'own_request',
      'You opened this incident, so you cannot approve its high-risk steps; ask another approver.',
    );
  }
  return null;
}

function refuseOutsider(
  input: Pick<ApprovalInput, 'approvers' | 'anyApprover' | 'userId'>,
  verb: string,
): ActorRefusal | null {
  const { approvers, userId } = input;
  if (!(input.anyApprover ?? approvers.size > 0)) {
    return {
      allowed: false,
      code: 'no_approvers_configured',
      message:
        'Nobody may approve yet: the operator must set RECLAIM_APPROVERS or RECLAIM_APPROVER_GROUP and restart Reclaim.',
    };
  }
  if (!approvers.has(userId)) {
    return {
      allowed: false,
      code: 'not_an_approver',
      message: `Only approvers (RECLAIM_APPROVERS or RECLAIM_APPROVER_GROUP) may ${verb}; ask one of them.`,
    };
  }
  return null;
}

function refuseDecided(input: ApprovalInput): Refused | null {
  const earlier = input.existing.find((d) => d.userId === input.userId);
  if (!earlier) return null;
  const done = earlier.decision === 'approve' ? 'approved' : 'rejected';
  return refuse('already_decided', `You have already ${done} this plan.`);
}

/** Users who approved so far, each once, in the order they approved, then this user. */
function distinctApprovers(existing: ApprovalInput['existing'], userId: string): string[] {
  const seen = new Set<string>();
  for (const d of existing) if (d.decision === 'approve') seen.add(d.userId);
  seen.add(userId);
  return [...seen];
}

function closed(): { allowed: false; code: 'incident_closed'; message: string } {
  return {
    allowed: false,
    code: 'incident_closed',
    message: 'This incident is closed; nothing in it can change.',
  };
}

function refuse(code: RefusalCode, message: string): Refused {
  return { allowed: false, code, message };
}
