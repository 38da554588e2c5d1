import type { AttemptFailure } from './attempt-failure.js';
import { isSafeMethod } from './decide-retry.js';
import { findRequestId, parseErrorBody } from './parse-error-body.js';
import { ProviderError, type ProviderErrorCode, providerDisplayName } from './provider-error.js';
import { redactText } from './redact-text.js';

export interface FailureContext {
  provider: string;
  operation: string;
  method: string;
  /** The path without its query. */
  path: string;
  attempts: number;
  timeoutMs: number;
  /** Strings that must not appear in the error: the credentials and the request body's values. */
  secrets: readonly string[];
  /** For a 429 given up on: the wait the provider asked for, in ms. */
  retryAfterMs?: number;
}

const UNKNOWN_OUTCOME = 'the change may or may not have been applied, so read it back before trying again';

/** The ProviderError for the last failed attempt of a request; its message is one sentence. */
export function toProviderError(
  failure: AttemptFailure,
  ctx: FailureContext,
  cause?: unknown,
): ProviderError {
  const name = providerDisplayName(ctx.provider);
  const write = !isSafeMethod(ctx.method);
  const details = { method: ctx.method, path: ctx.path, attempts: ctx.attempts };
  const tries = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : '';
  if (failure.kind === 'timeout') {
    const outcomeUnknown = write;
    const seconds = formatSeconds(ctx.timeoutMs);
    const tail = outcomeUnknown ? `; ${UNKNOWN_OUTCOME}` : tries;
    return new ProviderError(
      'provider_timeout',
      `${name} did not answer "${ctx.operation}" within ${seconds}${tail}.`,
      { ...blank(ctx), outcomeUnknown },
      { cause, details },
    );
  }
  if (failure.kind === 'network') {
    const outcomeUnknown = write && !failure.notSent;
    const tail = outcomeUnknown ? `; ${UNKNOWN_OUTCOME}` : tries;
    return new ProviderError(
      'provider_unavailable',
      `Could not reach ${name} to ${ctx.operation} (${failure.code})${tail}.`,
      { ...blank(ctx), outcomeUnknown },
      { cause, details },
    );
  }
  const body = parseErrorBody(failure.text);
  const providerCode = body.providerCode === null ? null : redactText(body.providerCode, ctx.secrets);
  const detail = body.detail === null ? null : redactText(body.detail, ctx.secrets);
  const code = codeForStatus(failure.status);
  const outcomeUnknown = code === 'provider_unavailable' && write;
  const paren = [String(failure.status), [providerCode, detail].filter(Boolean).join(': ')]
    .filter(Boolean)
    .join(' ');
  const fields = {
    provider: ctx.provider,
    operation: ctx.operation,
    status: failure.status,
    providerCode,
    detail,
    requestId: findRequestId(failure.headers, failure.text),
    outcomeUnknown,
    ...(code === 'provider_rate_limited' && ctx.retryAfterMs !== undefined
      ? { retryAfterMs: ctx.retryAfterMs }
      : {}),
  };
  return new ProviderError(code, sentence(code, name, ctx, paren, tries), fields, { cause, details });
}

/**
 * The request failed without an answer to classify: the limiter could not schedule it (Redis
 * unreachable) or a clustered job expired. A write may have gone out, so its outcome is unknown.
 */
export function unsentFailure(err: unknown, ctx: FailureContext): ProviderError {
  const name = providerDisplayName(ctx.provider);
  const outcomeUnknown = !isSafeMethod(ctx.method);
  const tail = outcomeUnknown ? `; ${UNKNOWN_OUTCOME}` : '';
  return new ProviderError(
    'provider_unavailable',
    `Could not get "${ctx.operation}" through to ${name}: the rate limiter failed${tail}.`,
    { ...blank(ctx), outcomeUnknown },
    { cause: err, details: { method: ctx.method, path: ctx.path, attempts: ctx.attempts } },
  );
}

function sentence(
  code: ProviderErrorCode,
  name: string,
  ctx: FailureContext,
  paren: string,
  tries: string,
): string {
  switch (code) {
    case 'provider_rate_limited': {
      const wait =
        ctx.retryAfterMs === undefined ? '' : `; it asked to wait ${formatSeconds(ctx.retryAfterMs)}`;
      return `${name} kept rate-limiting "${ctx.operation}" (${paren})${tries}${wait}.`;
    }
    case 'provider_auth_failed':
      return `${name} rejected our API credentials when asked to ${ctx.operation} (${paren}).`;
    case 'provider_not_found':
      return `${name} found nothing to ${ctx.operation} (${paren}).`;
    case 'provider_unavailable':
      return isSafeMethod(ctx.method)
        ? `${name} failed to ${ctx.operation} (${paren})${tries}.`
        : `${name} failed to ${ctx.operation} (${paren}); ${UNKNOWN_OUTCOME}.`;
    default:
      return `${name} refused to ${ctx.operation} (${paren}).`;
  }
}

function codeForStatus(status: number): ProviderErrorCode {
  if (status === 429) return 'provider_rate_limited';
  if (status === 401 || status === 403) return 'provider_auth_failed';
  if (status === 404) return 'provider_not_found';
  if (status >= 500) return 'provider_unavailable';
  return 'provider_rejected';
}

function blank(ctx: FailureContext) {
  return {
    provider: ctx.provider,
    operation: ctx.operation,
    status: null,
    providerCode: null,
    detail: null,
    requestId: null,
  };
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(s < 1 ? 3 : 1)} s`;
}
