import type { ErrorCode } from '../../../domain/error-codes.js';
import { ReclaimError } from '../../../domain/errors.js';

/**
 * A Web API refusal the local API answers as `{ ok: false, error: code, …extra }` with HTTP 200, the
 * way Slack does. `extra` carries Slack's additional fields (e.g. conversations.invite's `errors`).
 */
export class SlackApiError extends Error {
  /** Slack's own error string (`channel_not_found`, `ratelimited`, …): Slack's vocabulary, not Reclaim's. */
  readonly code: string;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: string, extra: Record<string, unknown> = {}) {
    super(`Slack Web API error: ${code}`);
    this.name = 'SlackApiError';
    this.code = code;
    this.extra = extra;
  }
}

/**
 * Something asked of the local workspace that a Slack user could not do (act as a person who does
 * not exist, click a message that is gone, submit a modal that is closed): the console answers it
 * with a sentence, tests treat it as a bug in the test.
 */
export class LocalSlackError extends ReclaimError {
  constructor(message: string, code: ErrorCode = 'local_slack_usage') {
    super(code, message);
  }
}
