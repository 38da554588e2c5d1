import type { HttpVerb } from './account-state.js';
import { type SimResponse, twilioErrors } from './sim-http.js';

/** A form field read and checked: its value, absent (`undefined`), or the 400 to answer with. */
export type Read<T> = { value: T } | { error: SimResponse } | undefined;

/** A URL field: `''` clears it (null); anything else must be an absolute http(s) URL (else 21502). */
export function readUrl(form: URLSearchParams, field: string): Read<string | null> {
  const raw = form.get(field);
  if (raw === null) return undefined;
  if (raw.trim() === '') return { value: null };
  try {
    const url = new URL(raw);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '') return { value: raw };
  } catch {
    // not a URL; answered below
  }
  return { error: twilioErrors.badUrl(field) };
}

/** A field whose value must be one of `values` (the spec's enum). */
export function readEnum<T extends string>(
  form: URLSearchParams,
  field: string,
  values: readonly T[],
): Read<T> {
  const raw = form.get(field);
  if (raw === null) return undefined;
  if ((values as readonly string[]).includes(raw)) return { value: raw as T };
  return { error: twilioErrors.badParameter(`${field} must be one of ${values.join(', ')}`) };
}

export function readMethod(form: URLSearchParams, field: string): Read<HttpVerb> {
  return readEnum(form, field, ['GET', 'POST'] as const);
}

/** Free text up to `max` characters (friendly names: 64). */
export function readText(form: URLSearchParams, field: string, max: number): Read<string> {
  const raw = form.get(field);
  if (raw === null) return undefined;
  if (raw.length > max)
    return { error: twilioErrors.badParameter(`${field} must be at most ${max} characters`) };
  return { value: raw };
}

/** The spec's SIP password rule: at least 12 characters, at least one digit, mixed case. */
export function meetsTwilioSipPasswordRule(password: string): boolean {
  return password.length >= 12 && /[0-9]/.test(password) && /[a-z]/.test(password) && /[A-Z]/.test(password);
}

export function readSipPassword(form: URLSearchParams): Read<string> {
  const raw = form.get('Password');
  if (raw === null) return undefined;
  if (meetsTwilioSipPasswordRule(raw)) return { value: raw };
  return {
    error: twilioErrors.badParameter(
      'Password must be at least 12 characters long and contain a digit and both upper and lower case letters',
    ),
  };
}

/**
 * Applies each read to `target` (a field's new value, in the record's snake_case name), or returns
 * the first refusal; nothing is applied unless every field is valid.
 */
export function applyReads(
  target: Record<string, unknown>,
  reads: ReadonlyArray<readonly [string, Read<unknown>]>,
): SimResponse | undefined {
  for (const [, read] of reads) if (read && 'error' in read) return read.error;
  for (const [field, read] of reads) if (read && 'value' in read) target[field] = read.value;
  return undefined;
}
