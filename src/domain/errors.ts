import type { ErrorCode } from './error-codes.js';

/**
 * One base class for every error Reclaim raises on purpose, in the manner of @slack/web-api 8:
 * `name` comes from the constructor, `cause` is passed on, and each error carries a string `code`
 * that logs, tests and the Slack layer can switch on. Users see `message`; logs see code and cause.
 */
export class ReclaimError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
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

/** Driver and socket codes that mean the database cannot be reached (not that it refused us). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);
const CONNECTION_MESSAGE =
  /Connection terminated|connection to server|ECONNREFUSED|Client has encountered a connection error|PGlite is closed/i;

/** The database is unreachable (as opposed to refusing what we asked). */
export function isStorageUnavailable(err: unknown): boolean {
  if (err instanceof StorageError) return err.code === 'storage_unavailable';
  const e = err as { code?: string; message?: string } | null;
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  return CONNECTION_MESSAGE.test(e?.message ?? '');
}

/**
 * The one normaliser at the edges (Slack, HTTP, worker): anything thrown becomes a ReclaimError
 * with a code of the closed set; an unreachable database becomes `storage_unavailable`.
 */
export function normaliseError(err: unknown): ReclaimError {
  if (err instanceof ReclaimError && err.code !== 'internal_error') return err;
  if (isStorageUnavailable(err)) {
    return new StorageError('storage_unavailable', 'The database cannot be reached.', { cause: err });
  }
  if (err instanceof ReclaimError) return err;
  if (err instanceof Error) return new ReclaimError('internal_error', err.message, { cause: err });
  return new ReclaimError('internal_error', String(err));
}
