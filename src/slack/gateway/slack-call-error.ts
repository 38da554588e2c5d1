import { ErrorCode, type WebAPIPlatformError } from '@slack/web-api';
import { ReclaimError } from '../../domain/errors.js';

/** A Slack Web API call that failed; `code` is Slack's error (`name_taken`, `not_in_channel`, …). */
export class SlackCallError extends ReclaimError {
  readonly method: string;
  constructor(method: string, code: string, message: string, cause?: unknown) {
    super(code, message, { cause, details: { method } });
    this.method = method;
  }
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
