/** The domain's nouns. Plain data: no Slack, no database types. */
import type { IncidentProvider } from './providers.js';

export type StepState =
  | 'pending'
  | 'discovering'
  | 'awaiting_approval'
  | 'approved'
  | 'executing'
  | 'done'
  | 'failed'
  | 'skipped'
  | 'rejected';

export type StepKind = 'manual' | 'automated';
export type Risk = 'high' | 'normal';

export type { IncidentProvider };

export interface Incident {
  id: string;
  provider: IncidentProvider;
  label: string;
  rehearsal: boolean;
  status: 'open' | 'closed';
  requestedBy: string;
  since: Date | null;
  channelId: string | null;
  progressTs: string | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  closeReason: string | null;
  /**
   * The connection labels it works through, one per provider (`telnyx:eu`); absent or without one
   * for a provider: the connection named after it. Rehearsals have none (their simulators).
   */
  connections?: readonly string[];
}

export interface Step {
  id: string;
  incidentId: string;
  position: number;
  stepKey: string;
  kind: StepKind;
  risk: Risk;
  state: StepState;
  failedPhase: 'discover' | 'execute' | null;
  planDigest: string | null;
  findings: Finding[] | null;
  error: StepError | null;
  decidedBy: string | null;
  reason: string | null;
  messageTs: string | null;
  version: number;
  /** The approval round: a new one begins each time the step starts discovering; only its decisions count. */
  approvalRound?: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StepError {
  code: string;
  message: string;
}

/** One resource discovery looked at, and whether it looks like the attacker's. Never holds secrets. */
export interface Finding {
  /** Stable resource id at the provider (connection id, number, app id…). */
  resource: string;
  /** One line for the card, e.g. "+1 555 0100 forwards to +882 16 5555 0101". */
  summary: string;
  suspicious: boolean;
  /** Why it is marked, e.g. "forwards to a premium prefix (+882)". */
  reasons: string[];
}

/** One concrete change the plan will make; the plan digest is computed over the ordered list. */
export interface PlannedAction {
  /** What to do, e.g. `disable_forwarding`; the playbook's executor switches on it. */
  kind: string;
  /** The provider resource id it acts on. */
  target: string;
  /** Everything the executor needs besides the target (never a secret: it is shown and hashed). */
  params: Record<string, unknown>;
  /** One line for the card, e.g. "Disable forwarding on +1 555 0100 (forwards to +882…)". */
  description: string;
}

export type ActionState = 'pending' | 'running' | 'done' | 'failed';

export interface PlanAction extends PlannedAction {
  id: number;
  stepId: string;
  planDigest: string;
  position: number;
  state: ActionState;
  attempts: number;
  result: Record<string, unknown> | null;
  error: StepError | null;
}

export interface Approval {
  stepId: string;
  userId: string;
  planDigest: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  /** The step's approval round the decision was given in. */
  round?: number;
  createdAt: Date;
}
