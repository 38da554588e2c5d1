import { randomBytes } from 'node:crypto';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = `${LOWER}${UPPER}${DIGITS}`;

/** Length of a generated SIP password: twice Twilio's minimum of 12, about 140 bits. */
export const TWILIO_SIP_PASSWORD_LENGTH = 24;

/** `n` characters drawn uniformly from `alphabet` with crypto.randomBytes (rejection sampling, no modulo bias). */
function draw(alphabet: string, n: number): string[] {
  const limit = 256 - (256 % alphabet.length);
  const out: string[] = [];
  while (out.length < n) {
    for (const byte of randomBytes(n * 2)) {
      if (byte < limit && out.length < n) out.push(alphabet[byte % alphabet.length] as string);
    }
  }
  return out;
}

/**
 * A SIP password that meets Twilio's rule (spec, `Password` of a SIP credential: at least 12
 * characters, at least one digit, mixed case): one lower-case letter, one upper-case letter and one
 * digit, the rest from all three, shuffled. Letters and digits only (no look-alikes such as l/1/O/0),
 * so no PBX has to escape anything and a person can type it.
 */
export function generateTwilioSipPassword(): string {
  const chars = [
    ...draw(LOWER, 1),
    ...draw(UPPER, 1),
    ...draw(DIGITS, 1),
    ...draw(ALL, TWILIO_SIP_PASSWORD_LENGTH - 3),
  ];
  const order = randomBytes(chars.length);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = (order[i] as number) % (i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
