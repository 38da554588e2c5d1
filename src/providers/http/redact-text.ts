import type { HttpRequest } from './types.js';

export const REDACTED = '[redacted]';

/** Values shorter than this are not hunted for in provider text (too many false hits, e.g. `true`). */
const MIN_SECRET_LENGTH = 6;

const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const SENDGRID_KEY = /\bSG\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** A long run of key-ish characters; kept only when it is a UUID or a Twilio SID (ids, not keys). */
const LONG_RUN = /[A-Za-z0-9_\-+=]{24,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TWILIO_SID = /^[A-Z]{2}[0-9a-f]{32}$/;

/**
 * Provider text (an error `detail`, a `title`) with anything secret replaced by `[redacted]`:
 * every value in `known` (the API key, the password, the request body's strings — a provider may
 * echo a rejected new password back), auth header values, SendGrid keys, and any long run of
 * letters and digits that is neither a UUID nor a Twilio SID.
 */
export function redactText(text: string, known: readonly string[]): string {
  let out = text;
  const longestFirst = [...known]
    .filter((k) => k.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const secret of longestFirst) out = out.split(secret).join(REDACTED);
  return out
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SENDGRID_KEY, REDACTED)
    .replace(LONG_RUN, (run) =>
      UUID.test(run) || TWILIO_SID.test(run) || !/\d/.test(run) || !/[A-Za-z]/.test(run) ? run : REDACTED,
    );
}

/** Every string a request body carries, at any depth: the values a provider's detail must not echo. */
export function bodySecrets(body: HttpRequest<unknown>['body']): string[] {
  return body ? stringsIn('json' in body ? body.json : body.form) : [];
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringsIn);
}

/**
 * A stand-in for a network error to keep as a ProviderError's cause: its name, code and messages
 * down the cause chain, redacted. The original is dropped because a `fetch` seam may describe the
 * whole request in its message (nock does, Authorization header and body included).
 */
export function scrubbedCause(err: unknown, known: readonly string[]): Error | undefined {
  if (err === undefined || err === null) return undefined;
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 3 && current !== null && typeof current === 'object'; depth += 1) {
    const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown };
    const text = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
    if (text) parts.push(redactText(text.split('\n')[0] ?? '', known));
    current = cause;
  }
  const scrubbed = new Error(parts.join(' <- ') || 'network error');
  scrubbed.name = err instanceof Error ? err.name : 'NetworkError';
  return scrubbed;
}
