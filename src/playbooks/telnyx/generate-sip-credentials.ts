import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = `${LETTERS}${LETTERS.toUpperCase()}0123456789`;

/** Length of a generated password: well inside Telnyx's 8–128 and about 190 bits of entropy. */
export const SIP_PASSWORD_LENGTH = 32;
/** Length of a generated user name: inside Telnyx's 4–32. */
export const SIP_USER_NAME_LENGTH = 16;

/** `n` characters drawn uniformly from `alphabet` with crypto.randomBytes (rejection sampling, no modulo bias). */
function randomFrom(alphabet: string, n: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < n) {
    for (const byte of randomBytes(n * 2)) {
      if (byte < limit && out.length < n) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export interface SipCredentials {
  userName: string;
  password: string;
}

/**
 * Fresh SIP credentials that meet Telnyx's rules for credential connections: `user_name` 4–32
 * alphanumeric characters with a letter among the first five (ours starts with one), `password`
 * 8–128 characters. Only letters and digits, so no PBX has to escape anything.
 */
export function generateSipCredentials(): SipCredentials {
  return {
    userName: randomFrom(LETTERS, 1) + randomFrom(ALPHANUMERIC, SIP_USER_NAME_LENGTH - 1),
    password: randomFrom(ALPHANUMERIC, SIP_PASSWORD_LENGTH),
  };
}

/** Telnyx's rules for SIP credentials, as a predicate. */
export function meetsTelnyxSipRules(credentials: SipCredentials): boolean {
  const { userName, password } = credentials;
  return (
    /^[A-Za-z0-9]{4,32}$/.test(userName) &&
    /[A-Za-z]/.test(userName.slice(0, 5)) &&
    password.length >= 8 &&
    password.length <= 128
  );
}
