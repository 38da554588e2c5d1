import type { ZodType } from 'zod';
import { isSafeMethod } from './decide-retry.js';
import { ProviderError, providerDisplayName } from './provider-error.js';

export interface ParseContext {
  provider: string;
  operation: string;
  method: string;
  path: string;
  status: number;
  requestId: string | null;
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A 2xx body checked against the request's schema. An empty body is parsed as `undefined`; text
 * that is not JSON, or JSON of another shape, is a `provider_bad_response` whose message names the
 * first offending field (`data[3].call_forwarding.forwards_to: expected string, received number`)
 * and never quotes a value from the body (bodies can hold secrets, e.g. `v1_secret`).
 */
export function parseBody<T>(text: string, schema: ZodType<T>, ctx: ParseContext): T {
  let json: unknown;
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      // Not passed on as the cause: JSON.parse quotes the text it choked on, secrets included.
      throw badResponse(ctx, 'the body is not JSON', undefined);
    }
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues as readonly Issue[];
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const what = first
    ? `${formatPath(first.path)}: ${first.message.replace(/^Invalid input: /, '')}`
    : 'invalid';
  throw badResponse(ctx, `${what}${more}`, result.error, issues.slice(0, 10).map(describeIssue));
}

/** `['data', 3, 'call_forwarding', 'forwards_to']` → `data[3].call_forwarding.forwards_to`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the body)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describeIssue(issue: Issue): string {
  return `${formatPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

function badResponse(ctx: ParseContext, what: string, cause: unknown, issues?: string[]): ProviderError {
  const name = providerDisplayName(ctx.provider);
  // A write that got a 2xx most likely took effect; the caller reads it back to be sure.
  const outcomeUnknown = !isSafeMethod(ctx.method);
  return new ProviderError(
    'provider_bad_response',
    `${name} answered "${ctx.operation}" with an unexpected shape: ${what}.`,
    {
      provider: ctx.provider,
      operation: ctx.operation,
      status: ctx.status,
      providerCode: null,
      detail: what,
      requestId: ctx.requestId,
      outcomeUnknown,
    },
    { cause, details: { method: ctx.method, path: ctx.path, ...(issues ? { issues } : {}) } },
  );
}
