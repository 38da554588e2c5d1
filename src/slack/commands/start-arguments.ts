import { slugify } from '../channel-name.js';
import { quote } from './tokenize-command.js';

export const MAX_LABEL_LENGTH = 40;
const EARLIEST_SINCE = Date.UTC(2000, 0, 1);
/** A day begins in UTC+14 fourteen hours before its UTC midnight: from then on it is not "the future". */
const TIMEZONE_LEEWAY_MS = 14 * 3600_000;

/**
 * `--since YYYY-MM-DD` as UTC midnight of that day, or the sentence saying what is wrong: not a
 * date, not a real one (2026-02-30), before 2000, or a day that has not begun anywhere yet.
 */
export function parseSince(value: string, now: Date): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `\`--since\` wants a date as YYYY-MM-DD, like 2026-01-31; ${quote(value)} is not one.`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return `\`--since ${value}\` is not a real date.`;
  }
  if (date.getTime() < EARLIEST_SINCE) {
    return `\`--since ${value}\` is before 2000; give the day the takeover began.`;
  }
  if (date.getTime() - TIMEZONE_LEEWAY_MS > now.getTime()) return `\`--since ${value}\` is in the future.`;
  return date;
}

/** Why a label cannot be used (too long, or nothing left for the channel name), or null. */
export function checkLabel(label: string): string | null {
  const length = Array.from(label).length;
  if (length > MAX_LABEL_LENGTH) {
    return `The label is ${length} characters; keep it to ${MAX_LABEL_LENGTH} (it goes into the channel name).`;
  }
  if (!slugify(label)) {
    return `The label ${quote(label)} has no letter or digit Slack allows in a channel name (a–z, 0–9); add one.`;
  }
  return null;
}
