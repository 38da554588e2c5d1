import { sha256Hex } from '../../util/hash.js';

/**
 * How Reclaim names SendGrid things that have no id of their own, the same way in findings, plans
 * and the simulator's record of planted changes.
 */

/** Longest subject kept in a reference; the rest is cut. */
const MAX_SUBJECT = 160;

/**
 * A subject as its group is named: whitespace collapsed and every run of digits replaced by `#`,
 * so `Your receipt #1042` and `Your receipt #1043` are one group (`Your receipt ##`).
 */
export function normaliseSubject(subject: string | null | undefined): string {
  const text = (subject ?? '').replace(/\s+/g, ' ').trim().replace(/\d+/g, '#');
  if (text === '') return '(no subject)';
  return text.length > MAX_SUBJECT ? `${text.slice(0, MAX_SUBJECT)}…` : text;
}

/** `subject:<normalised subject>`: the finding of one subject group. */
export function subjectRef(subject: string | null | undefined): string {
  return `subject:${normaliseSubject(subject)}`;
}

/** `invite:<16 hex>`: a pending invitation named by a digest of its token, never the token itself. */
export function inviteRef(token: string): string {
  return `invite:${sha256Hex(token).slice(0, 16)}`;
}

/** `ip-rule:<id>`: an allow-list entry. */
export function allowRuleRef(id: number): string {
  return `ip-rule:${id}`;
}

/** `ip-activity:<ip>`: the recent access attempts from one address. */
export function accessRef(ip: string): string {
  return `ip-activity:${ip}`;
}
