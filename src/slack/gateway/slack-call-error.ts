import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import type { ErrorCode as ReclaimCode } from '../../domain/error-codes.js';
import { ReclaimError } from '../../domain/errors.js';

/**
 * A Slack Web API call that failed. `code` is Reclaim's (`slack_error`, `slack_rate_limited`,
 * `slack_unreachable`); `slackError` is Slack's own word for it (`name_taken`, `not_in_channel`, …),
 * the vocabulary the callers switch on.
 */
export class SlackCallError extends ReclaimError {
  readonly method: string;
  readonly slackError: string;
  constructor(method: string, slackError: string, message: string, cause?: unknown) {
    super(codeFor(slackError), message, { cause, details: { method, slackError } });
    this.method = method;
    this.slackError = slackError;
  }
}

function codeFor(slackError: string): ReclaimCode {
  if (slackError === 'ratelimited') return 'slack_rate_limited';
  if (slackError === 'slack_unreachable') return 'slack_unreachable';
  return 'slack_error';
}

/** Slack errors that mean the token no longer works: nothing the bot does will succeed. */
export const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'token_revoked',
  'account_inactive',
  'not_authed',
  'token_expired',
]);

export function toSlackCallError(method: string, err: unknown): SlackCallError {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
  if (e.code === ErrorCode.PlatformError) {
    const code = (err as WebAPIPlatformError).data.error;
    return new SlackCallError(method, code, `Slack ${method} failed: ${code}`, err);
  }
  if (e.code === ErrorCode.RateLimitedError) {
    return new SlackCallError(
      method,
      'ratelimited',
      `Slack ${method} is rate limited (retry after ${e.retryAfter ?? '?'} s)`,
      err,
    );
  }
  return new SlackCallError(
    method,
    'slack_unreachable',
    `Slack ${method} did not answer: ${e.message ?? String(err)}`,
    err,
  );
}
