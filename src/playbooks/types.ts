import type { ProviderCredential } from '../domain/connection.js';
import type { Finding, PlannedAction, Risk } from '../domain/types.js';
import type { Logger } from '../util/logger.js';

/** What a playbook step sees when it runs: the provider client and what the operator trusts. */
export interface PlaybookContext<Client> {
  client: Client;
  /**
   * Start of the suspicious window (`--since`); resources created or changed after it are flagged.
   * Null when none was given: the steps then use the default window (`kit/incident-window.ts`).
   */
  since: Date | null;
  /** When the incident was opened: the default window is counted back from it (now when absent). */
  openedAt?: Date;
  trusted: { hosts: string[]; ips: string[]; numbers: string[] };
  logger: Logger;
  /**
   * What the incident's Contain now step of this provider stopped (its actions that are done, with
   * their results), read from the database for every other step's discovery and execution: Restore
   * re-reads each one, a later step reads the account as it was before the stop (a cut-down key's
   * scopes) and does not write a stop again (a subaccount already suspended).
   */
  contained?: readonly ContainedChange[];
  /**
   * Reads the steps discovered at about the same time share (a 100,000-number account's numbers,
   * its audit log since the window began): joined while in flight, kept a few seconds after.
   * Given to discovery only: execution and its rechecks read the account afresh.
   */
  shared?: SharedReads;
}

/** `once(key, read)`: the result of one `read()` for every step asking for `key` at about the same time. */
export interface SharedReads {
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/** One change Contain now made, as its action recorded it. */
export interface ContainedChange {
  kind: string;
  target: string;
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
}

export interface Discovery {
  findings: Finding[];
  actions: PlannedAction[];
  /** One sentence for the card, e.g. "3 of 48 numbers forward to numbers that are not yours." */
  summary: string;
}

/** A credential an action generated: sealed at once, shown once to an approver who clicks Reveal. */
export interface GeneratedSecret {
  label: string;
  value: string;
}

export interface ActionOutcome {
  /** What happened, for the card and the audit log (never a secret). */
  result: Record<string, unknown>;
  secrets?: GeneratedSecret[];
  /**
   * The action replaced the credential Reclaim itself works with (a promoted Twilio Auth Token):
   * the engine seals it into the incident's connection in the transaction that records the action,
   * so a restart or another replica carries on with it. Never shown, logged or audited.
   */
  rotatedCredential?: ProviderCredential;
}

/** How the engine runs one action (`AutomatedStepDefinition.execute`). */
export interface ExecuteOptions {
  recheck: boolean;
  signal?: AbortSignal;
  /**
   * 32 bytes the engine derives for this action from its secret key (`secrets/action-seed.ts`):
   * the same on every attempt, unknown to anyone else. A credential generated from it is the same
   * on a retry, so the retry can find its own earlier write and give that credential back.
   * Absent (a caller without the key): the step draws a fresh credential each attempt.
   */
  seed?: Uint8Array;
}

interface StepBase {
  /** Stable id (`telnyx.rotate-sip-credentials`): stored in the database and button values. */
  id: string;
  title: string;
  /** One or two sentences: why this matters after a takeover. */
  why: string;
  risk: Risk;
}

export interface ManualStepDefinition extends StepBase {
  kind: 'manual';
  /** Numbered instructions in Slack mrkdwn. */
  instructions: string;
  link?: { url: string; label: string };
  /**
   * The card offers "Give Reclaim the new key": this provider's credential for the incident's
   * connection, checked and sealed as its new version (the step is about replacing it).
   */
  takesNewCredential?: ProviderCredential['provider'];
}

export interface AutomatedStepDefinition<Client = unknown> extends StepBase {
  kind: 'automated';
  /**
   * Above 1: this step's actions are independent of each other (one number's forwarding, one
   * connection's credentials), so several may be in flight; how many follows the provider's pace
   * (`actionsInFlight`), and this number when the pace is unknown. Absent or 1: in plan order.
   */
  concurrency?: number;
  /**
   * Never more of this step's actions in flight than this, whatever the pace allows: each holds
   * something the provider counts (Telnyx's bulk jobs: "at most 20 pending or in progress").
   */
  maxInFlight?: number;
  /**
   * Its execution replaces the credential Reclaim itself works with (`rotatedCredential`): it
   * runs with no other job of the process in flight, since a request made with the old credential
   * after the switch would fail. Every other job runs side by side with the rest.
   */
  runsAlone?: boolean;
  /** Read-only: lists what it would change. */
  discover(ctx: PlaybookContext<Client>): Promise<Discovery>;
  /**
   * Carries out one planned action. With `recheck` (a retry after a crash or an unknown outcome,
   * e.g. a timeout after the write was sent) it first re-reads the resource and only writes when
   * the change is not there yet; without it, it writes at once (one request per action).
   * `signal` is aborted once the worker lost its job (or stops): make no further write after it.
   */
  execute(
    ctx: PlaybookContext<Client>,
    action: PlannedAction,
    options: ExecuteOptions,
  ): Promise<ActionOutcome>;
  /**
   * Contain now only (`<provider>.contain-now`): the step that puts back each resource this one
   * stopped (`<provider>.restore-contained`), raised by the Restore button once the clean-up is done.
   * Its discovery reads `ctx.contained` and the account, and plans only what is still stopped and
   * that the checklist does not keep stopped itself.
   */
  restore?: AutomatedStepDefinition<Client>;
}

export type StepDefinition<Client = unknown> = ManualStepDefinition | AutomatedStepDefinition<Client>;

export interface Playbook<Client = unknown> {
  provider: string;
  steps: StepDefinition<Client>[];
}
