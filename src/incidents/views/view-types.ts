/** What the read use cases hand the cards: plain view data, no Slack types. */

import type { ProviderName } from '../../domain/providers.js';
import type { Approval, Incident, PlanAction, Risk, Step, StepKind, StepState } from '../../domain/types.js';
import type { Watch } from '../../domain/watch.js';

/** The parts of a playbook step definition a card shows. */
export interface StepCardDefinition {
  title: string;
  why: string;
  risk: Risk;
  kind: StepKind;
  instructions?: string;
  link?: { url: string; label: string };
  /** The card offers "Give Reclaim the new key" for this provider's connection. */
  takesNewCredential?: ProviderName;
}

/** The connection a step gives a new credential to, and the last 4 characters of the one in use. */
export interface ConnectionKeyView {
  label: string;
  hint: string;
}

/** A credential a step generated; the card shows its label and a Reveal button, never its value. */
export interface SecretView {
  id: string;
  label: string;
  revealedAt: Date | null;
}

/** A Contain now card's outcome: when the last stop was written, and its Restore step once raised. */
export interface ContainmentView {
  /** When the last stop was written; null until one is. */
  containedAt: Date | null;
  /** Time to containment: seconds from the incident's start to `containedAt`. */
  secondsAfterStart: number | null;
  /** Resources stopped (done actions). */
  stopped: number;
  /** The Restore step's state once its button was pressed; null before. */
  restoreState: StepState | null;
}

export interface StepCardView {
  incident: Incident;
  step: Step;
  definition: StepCardDefinition;
  /** Discovery's one-sentence summary. */
  summary: string | null;
  /** The current plan's actions. */
  actions: PlanAction[];
  /** Approvals of the current plan digest. */
  approvals: Approval[];
  /** Distinct approvers the policy requires for this step. */
  needed: number;
  /** A sentence about the approval policy, e.g. "Rehearsal: one approval from anyone is enough." */
  policyNote: string | null;
  secrets: SecretView[];
  /** Say that approving changes the live provider account. */
  realAccountWarning?: boolean;
  /** With `definition.takesNewCredential` on a real incident: the key Reclaim uses now. */
  connectionKey?: ConnectionKeyView | null;
  /** A Contain now card: what it stopped, and when. */
  containment?: ContainmentView;
  now: Date;
}

export interface ProgressStepView {
  step: Step;
  title: string;
  approvals: Approval[];
  needed: number;
}

export interface ProgressCardView {
  incident: Incident;
  steps: ProgressStepView[];
  now: Date;
  /** The post-remediation watch, when the incident has one. */
  watch?: Watch | null;
  /** Slack is rate limiting our updates, so the card may lag. */
  delayedBySlack?: boolean;
}
