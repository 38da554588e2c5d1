import type { ConnectionStore } from '../connections/connection-store.js';
import type { Db } from '../db/db.js';
import type { PaceReading } from '../domain/actions-in-flight.js';
import type { ApproverSettings } from '../domain/actor.js';
import type { RecordedAnchor } from '../domain/audit-anchor.js';
import type { CredentialCheck, ProviderCredential, SubaccountLookup } from '../domain/connection.js';
import type { ErrorCode } from '../domain/error-codes.js';
import type { PostureReport } from '../domain/posture.js';
import type { Incident } from '../domain/types.js';
import type { PlaybookContext, StepDefinition } from '../playbooks/types.js';
import type { Logger } from '../util/logger.js';

/**
 * What the use cases are told of the outside world. The Slack layer implements the notifier (it
 * redraws cards, debounced); tests pass a recorder.
 */
export interface IncidentNotifier {
  stepChanged(stepId: string, incidentId: string): void;
  incidentChanged(incidentId: string): void;
  /** The watch raised an alert (a new step card): the front door tells the approvers. */
  watchAlerted?(incidentId: string, stepId: string): void;
  /** The audit chain's head was written down: the front door shows it in the incident's channel. */
  auditAnchored?(incidentId: string, anchor: RecordedAnchor): void;
  /** The scheduled posture check: post its reports in `channel` (resolves once posted; throws if it cannot). */
  postureChecked?(channel: string, reports: readonly PostureReport[]): Promise<void>;
}

/** The playbooks and the provider clients they run against (real, or the simulator in a rehearsal). */
export interface PlaybookRuntime {
  /** Whether this release can run an incident for the provider (a rehearsal needs its simulator). */
  supports(provider: Incident['provider'], rehearsal: boolean): boolean;
  /** The ordered step definitions for a new incident. */
  stepsFor(incident: Pick<Incident, 'provider' | 'rehearsal'>): StepDefinition[];
  /** One step's definition by its stable id; undefined if the release no longer has it. */
  definition(stepKey: string): StepDefinition | undefined;
  /**
   * The client and trusted lists a step of this incident runs with; for `discovery`, also the
   * reads the incident's steps discovered at about the same time share (`PlaybookContext.shared`).
   */
  contextFor(
    incident: Incident,
    stepKey: string,
    purpose?: { discovery: true },
  ): Promise<PlaybookContext<unknown>>;
  /**
   * No step of the incident is left to discover: the reads its discoveries shared are let go now
   * (a listing of 100,000 numbers is 20 MB), not when their keep runs out.
   */
  discoveryEnded?(incidentId: string): void;
  /**
   * How to read the pace of the provider account a step of this incident writes to (its rate,
   * request time, rate headers), afresh at each call; absent when unknown. Execution sizes its
   * window of actions in flight from it.
   */
  paceFor?(incident: Incident, stepKey: string): (() => PaceReading | undefined) | undefined;
  /** Real clients read each incident's credential from the store (given once the database is open). */
  useConnections?(store: ConnectionStore): void;
  /** One cheap authenticated read with `credential` (Telnyx balance, Twilio account, SendGrid username). */
  verifyCredential?(credential: ProviderCredential): Promise<CredentialCheck>;
  /** Twilio subaccount `sid` as the parent connection `parentLabel` (its `parent` credential) reads it. */
  readSubaccount?(
    parentLabel: string,
    parent: Extract<ProviderCredential, { provider: 'twilio' }>,
    sid: string,
  ): Promise<SubaccountLookup>;
  /** Mark done on a manual step an API can confirm: refused, with the reason, until it is so. */
  verifyManualStep?(
    incident: Incident,
    stepKey: string,
  ): Promise<{ ok: true } | { ok: false; message: string }>;
}

export interface UseCaseDeps extends ApproverSettings {
  db: Db;
  logger: Logger;
  now(): Date;
  notifier: IncidentNotifier;
  playbooks: PlaybookRuntime;
  /** RECLAIM_APPROVERS. */
  approvers: readonly string[];
  /**
   * RECLAIM_APPROVER_GROUP is set. Its members are looked up by the front door: a use case learns
   * whether the person acting is one from the actor it is called with (`inApproverGroup`).
   */
  hasApproverGroup: boolean;
  responders: readonly string[];
  highRiskApprovals: number;
  secretKey: Buffer;
  /** Provider connections (absent in tests that run no real provider): Reclaim's own access. */
  connections?: ConnectionStore;
  /** The post-remediation watch new incidents get (RECLAIM_WATCH_HOURS, _INTERVAL_MINUTES); none: no watch. */
  watch?: { hours: number; intervalMinutes: number };
  /** The scheduled posture check (RECLAIM_POSTURE_CRON, _CHANNEL); none: only on demand. */
  posture?: { cron: string; channel: string };
  /** Where anchors of the audit chain are appended (RECLAIM_AUDIT_ANCHOR_FILE); none in some tests. */
  auditAnchorFile?: string;
}

/** A refusal the caller renders (not an exception): the policy or the state said no. */
export interface Refusal {
  ok: false;
  code: ErrorCode;
  message: string;
}

export const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });
