/**
 * Country calling codes of one and two digits (ITU-T E.164 Annex); every other code has three.
 * Enough to print a number with its country code apart, which is all the cards need.
 */
const TWO_DIGIT_CODES = new Set([
  '20',
  '27',
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '41',
  '43',
  '44',
  '45',
  '46',
  '47',
  '48',
  '49',
  '51',
  '52',
  '53',
  '54',
  '55',
  '56',
  '57',
  '58',
  '60',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '81',
  '82',
  '84',
  '86',
  '90',
  '91',
  '92',
  '93',
  '94',
  '95',
  '98',
]);

/** `+1 (303) 555-0142` → `+13035550142`: the plus and the digits only; blank stays blank. */
export function normaliseNumber(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return '';
  return `+${digits}`;
}

function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** Groups of four from the right: `1655550101` → `16 5555 0101`. */
function groupFromRight(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(digits.slice(Math.max(0, end - 4), end));
  return groups.join(' ');
}

/**
 * An E.164 number for people: `+13035550142` → `+1 303 555 0142`, `+8821655550101` →
 * `+882 16 5555 0101`. Anything that is not `+` and digits is returned as it was.
 */
export function formatNumber(text: string): string {
  const e164 = normaliseNumber(text);
  if (!/^\+\d{4,15}$/.test(e164) || !/^\s*\+/.test(text)) return text;
  const digits = e164.slice(1);
  const ccLength = countryCodeLength(digits);
  const cc = digits.slice(0, ccLength);
  const national = digits.slice(ccLength);
  if (cc === '1' && national.length === 10) {
    return `+1 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  }
  return `+${cc} ${groupFromRight(national)}`;
}
