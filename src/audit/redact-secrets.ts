/**
 * The net under the rule that callers never hand a secret to the audit log: any member whose key
 * looks like it holds one (password, token, api key, authorization, …) has its value replaced, at
 * any depth, before the entry is hashed and stored. Identifiers of secrets (`secretId`, `tokenIds`,
 * `secretLabel`) are metadata and stay readable.
 */
export const REDACTED = '[redacted]';

/** Matched against the key lower-cased with everything but letters and digits removed. */
const SECRET_KEY_FRAGMENTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'plaintext',
  'privatekey',
  'signingkey',
  'accesskey',
  'ciphertext',
];

const METADATA_SUFFIXES = ['id', 'ids', 'label', 'labels', 'count'];

/** Values that are credentials whatever key they sit under, e.g. a copied Authorization header. */
const CREDENTIAL_VALUE = /^(bearer|basic)\s+\S/i;

export function isSecretKey(key: string): boolean {
  const flat = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!SECRET_KEY_FRAGMENTS.some((fragment) => flat.includes(fragment))) return false;
  return !METADATA_SUFFIXES.some((suffix) => flat.endsWith(suffix));
}

/** A copy of `value` with secret-looking members replaced by '[redacted]'; `null` stays `null`. */
export function redactSecrets<T>(value: T): T {
  return redact(value) as T;
}

function redact(value: unknown): unknown {
  if (typeof value === 'string') return CREDENTIAL_VALUE.test(value) ? REDACTED : value;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = isSecretKey(key) && member !== null && member !== undefined ? REDACTED : redact(member);
  }
  return out;
}
