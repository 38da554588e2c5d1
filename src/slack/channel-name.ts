import { ReclaimError } from '../domain/errors.js';

/** Slack's limit on a channel name (conversations.create). */
export const MAX_CHANNEL_NAME_LENGTH = 80;

const FALLBACK_SLUG = 'incident';

/** Letters that do not decompose to ASCII under NFKD, written the way people usually spell them. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Cyrillic (Russian and Ukrainian), before NFKD so й and ё keep their own spelling.
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Text as a Slack channel-name fragment: lowercase a–z, 0–9, `_` and single hyphens, no hyphen or
 * underscore at either end. Accented Latin and Cyrillic letters are transliterated (é → e,
 * и → i); anything else (emoji, other scripts, punctuation) becomes a separator or disappears.
 * Returns '' when nothing usable is left.
 */
export function slugify(text: string): string {
  const mapped = Array.from(text.normalize('NFC').toLowerCase(), (ch) => SPECIAL[ch] ?? ch).join('');
  const ascii = mapped.normalize('NFKD').replace(/\p{M}+/gu, '');
  return trimSeparators(ascii.replace(/[^a-z0-9_]+/g, '-'));
}

/**
 * The incident channel's name, `compromise-<yyyymmdd>-<slug>` on the UTC date, with `-2`, `-3`…
 * for later attempts after `name_taken`. Never longer than 80 characters: the slug is shortened,
 * never the date or the attempt suffix. An empty slug becomes `incident`.
 */
export function channelName(date: Date, label: string, attempt = 1): string {
  if (Number.isNaN(date.getTime())) {
    throw new ReclaimError('channel_date_invalid', 'The channel date is not a valid date.');
  }
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new ReclaimError(
      'channel_attempt_invalid',
      `Channel attempt must be a whole number ≥ 1, not ${attempt}.`,
    );
  }
  const prefix = `compromise-${utcDateDigits(date)}-`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  const room = MAX_CHANNEL_NAME_LENGTH - prefix.length - suffix.length;
  const slug = trimSeparators(slugify(label).slice(0, room)) || FALLBACK_SLUG;
  return `${prefix}${slug}${suffix}`;
}

function utcDateDigits(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

function trimSeparators(slug: string): string {
  return slug.replace(/-{2,}/g, '-').replace(/^[-_]+|[-_]+$/g, '');
}
