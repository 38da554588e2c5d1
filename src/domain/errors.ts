/**
 * One base class for every error Reclaim raises on purpose, in the manner of @slack/web-api 8:
 * `name` comes from the constructor, `cause` is passed on, and each error carries a string `code`
 * that logs, tests and the Slack layer can switch on. Users see `message`; logs see code and cause.
 */
export class ReclaimError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** Raised for bad configuration; start-up prints `problems` one per line and exits non-zero. */
export class ConfigError extends ReclaimError {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super('config_invalid', `Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** A transition the step state machine does not allow, e.g. `step_not_awaiting_approval`. */
export class StateError extends ReclaimError {}

/** A row that should exist does not (`incident_not_found`, `step_not_found`, …). */
export class NotFoundError extends ReclaimError {}

/** The database is unreachable or refused us (`storage_unavailable`, `migration_edited`, …). */
export class StorageError extends ReclaimError {}

/** Sealing or revealing a secret failed (`secret_already_revealed`, `secret_key_invalid`, …). */
export class SecretError extends ReclaimError {}

/** Turns anything thrown into a ReclaimError, so the edges (Slack, HTTP, worker) handle one type. */
export function normaliseError(err: unknown): ReclaimError {
  if (err instanceof ReclaimError) return err;
  if (err instanceof Error) return new ReclaimError('internal_error', err.message, { cause: err });
  return new ReclaimError('internal_error', String(err));
}
