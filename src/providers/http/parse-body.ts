import type { ZodType } from 'zod';
import { isSafeMethod, type RetryCall } from './decide-retry.js';
import { ProviderError, providerDisplayName } from './provider-error.js';

export interface ParseContext extends Pick<RetryCall, 'operation' | 'path'> {
  provider: string;
  method: string;
  status: number;
  requestId: string | null;
}

/**
 * A 2xx body checked against the request's schema. An empty body is parsed as `undefined`; text
 * that is not JSON, or JSON of another shape, is a `provider_bad_response` whose message names the
 * first offending field (`data[3].call_forwarding.forwards_to: expected string, received number`)
 * and never quotes a value from the body (bodies can hold secrets, e.g. `v1_secret`).
 */
export function parseBody<T>(text: string, schema: ZodType<T>, ctx: ParseContext): T {
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    // Not passed on as the cause: JSON.parse quotes the text it choked on, secrets included.
    throw badResponse(ctx, 'the body is not JSON', undefined);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const what = issues[0] ? describeIssue(issues[0]) : 'invalid';
  throw badResponse(ctx, `${what}${more}`, result.error, issues.slice(0, 10).map(describeIssue));
}

/** `['data', 3, 'call_forwarding', 'forwards_to']` → `data[3].call_forwarding.forwards_to`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the body)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  return `${formatPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

function badResponse(ctx: ParseContext, what: string, cause: unknown, issues?: string[]): ProviderError {
  const { provider, operation, method, path, status, requestId } = ctx;
  const name = providerDisplayName(provider);
  const message = `${name} answered "${operation}" with an unexpected shape: ${what}.`;
  // A write that got a 2xx most likely took effect; the caller reads it back to be sure.
  const outcomeUnknown = !isSafeMethod(method);
  const fields = { provider, operation, status, providerCode: null, detail: what, requestId, outcomeUnknown };
  const details = { method, path, ...(issues ? { issues } : {}) };
  return new ProviderError('provider_bad_response', message, fields, { cause, details });
}
