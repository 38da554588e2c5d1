import { AttemptFailed } from './attempt-failure.js';
import { isSafeMethod, type RetryCall } from './decide-retry.js';
import { findRequestId, parseErrorBody } from './parse-error-body.js';
import { ProviderError, type ProviderErrorCode, providerDisplayName } from './provider-error.js';
import { redactText, scrubbedCause } from './redact-text.js';

export interface FailureSetup {
  provider: string;
  timeoutMs: number;
  /** Strings that must not appear in the error: the credentials and the request body's values. */
  secrets: readonly string[];
}

const UNKNOWN_OUTCOME = 'the change may or may not have been applied, so read it back before trying again';

/**
 * The ProviderError for a request that failed; its message is one sentence. `err` is the last
 * attempt's AttemptFailed, or anything else when there was no answer to classify: the limiter
 * could not schedule it (Redis unreachable) or a clustered job expired. A write may have gone out
 * then, so its outcome is unknown. A network error's cause is kept only scrubbed of the secrets.
 */
export function toProviderError(err: unknown, call: RetryCall, setup: FailureSetup): ProviderError {
  const name = providerDisplayName(setup.provider);
  const write = !isSafeMethod(call.method);
  const tries = call.attempts > 1 ? ` after ${call.attempts} attempts` : '';
  const tail = (outcomeUnknown: boolean, otherwise: string) =>
    outcomeUnknown ? `; ${UNKNOWN_OUTCOME}` : otherwise;
  const details = { method: call.method, path: call.path, attempts: call.attempts };
  /** No answer to quote: no status, code, detail or request id. */
  const unanswered = (code: ProviderErrorCode, message: string, outcomeUnknown: boolean, cause?: unknown) => {
    const fields = { ...blank(setup.provider, call.operation), outcomeUnknown };
    return new ProviderError(code, message, fields, { cause, details });
  };
  if (!(err instanceof AttemptFailed)) {
    const what = `Could not get "${call.operation}" through to ${name}: the rate limiter failed`;
    return unanswered('provider_unavailable', `${what}${tail(write, '')}.`, write, err);
  }
  const failure = err.failure;
  if (failure.kind === 'timeout') {
    const what = `${name} did not answer "${call.operation}" within ${formatSeconds(setup.timeoutMs)}`;
    return unanswered('provider_timeout', `${what}${tail(write, tries)}.`, write);
  }
  if (failure.kind === 'network') {
    const what = `Could not reach ${name} to ${call.operation} (${failure.code})`;
    const unknown = write && !failure.notSent;
    const cause = scrubbedCause(err.cause, setup.secrets);
    return unanswered('provider_unavailable', `${what}${tail(unknown, tries)}.`, unknown, cause);
  }
  const body = parseErrorBody(failure.text);
  const providerCode = body.providerCode === null ? null : redactText(body.providerCode, setup.secrets);
  const detail = body.detail === null ? null : redactText(body.detail, setup.secrets);
  const code = codeForStatus(failure.status);
  const outcomeUnknown = code === 'provider_unavailable' && write;
  const said = [providerCode, detail].filter(Boolean).join(': ');
  const paren = said === '' ? String(failure.status) : `${failure.status} ${said}`;
  const fields = {
    ...blank(setup.provider, call.operation),
    status: failure.status,
    providerCode,
    detail,
    requestId: findRequestId(failure.headers, failure.text),
    outcomeUnknown,
    ...(code === 'provider_rate_limited' && call.retryAfterMs !== undefined
      ? { retryAfterMs: call.retryAfterMs }
      : {}),
  };
  const message = `${name} ${sentence(code, call, paren, tail(outcomeUnknown, tries))}`;
  return new ProviderError(code, message, fields, { details });
}

/** The message after the provider's name. */
function sentence(code: ProviderErrorCode, call: RetryCall, paren: string, tries: string): string {
  switch (code) {
    case 'provider_rate_limited': {
      const wait =
        call.retryAfterMs === undefined ? '' : `; it asked to wait ${formatSeconds(call.retryAfterMs)}`;
      return `kept rate-limiting "${call.operation}" (${paren})${tries}${wait}.`;
    }
    case 'provider_auth_failed':
      return `rejected our API credentials when asked to ${call.operation} (${paren}).`;
    case 'provider_not_found':
      return `found nothing to ${call.operation} (${paren}).`;
    case 'provider_unavailable':
      return `failed to ${call.operation} (${paren})${tries}.`;
    default:
      return `refused to ${call.operation} (${paren}).`;
  }
}

function codeForStatus(status: number): ProviderErrorCode {
  if (status === 429) return 'provider_rate_limited';
  if (status === 401 || status === 403) return 'provider_auth_failed';
  if (status === 404) return 'provider_not_found';
  if (status >= 500) return 'provider_unavailable';
  return 'provider_rejected';
}

function blank(provider: string, operation: string) {
  return { provider, operation, status: null, providerCode: null, detail: null, requestId: null };
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(s < 1 ? 3 : 1)} s`;
}
