// The scopes a key keeps while Contain now holds it, and how a key so reduced is told from others.

/**
 * The one scope a contained key keeps. `PUT /v3/api_keys/{api_key_id}` (UpdateApiKey) takes "a
 * `scopes` array containing at least one scope", so a key cannot be left with none, and SendGrid
 * has no switch that disables a key short of deleting it. `user.timezone.read` reads the account's
 * time zone and nothing else: it sends no mail, reads no mail, contacts, keys or settings, and
 * changes nothing, so the key is harmless while it waits for the clean-up to delete or replace it.
 */
export const CONTAINED_SCOPES: readonly string[] = ['user.timezone.read'];

/**
 * Scopes SendGrid attaches to keys itself (the spec's `ApiKeyScopesResponse` example lists
 * `sender_verification_eligible`, `sender_verification_legacy` and `2fa_required` next to the
 * granted ones): they grant no endpoint, so they are ignored when scopes are compared.
 */
export const SYSTEM_SCOPES: readonly string[] = [
  '2fa_exempt',
  '2fa_required',
  'sender_verification_eligible',
  'sender_verification_legacy',
];

/** The scopes that grant something, each once and sorted. */
export function grantedScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes.filter((s) => !SYSTEM_SCOPES.includes(s)))].sort();
}

/** Whether two scope lists grant the same (order, repeats and SendGrid's own scopes aside). */
export function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  const x = grantedScopes(a);
  const y = grantedScopes(b);
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

/** Whether a key holds exactly what Contain now leaves it. */
export function isContained(key: { scopes: readonly string[] }): boolean {
  return sameScopes(key.scopes, CONTAINED_SCOPES);
}

/** The action kind of Contain now's scope reduction, and of Restore's putting the scopes back. */
export const REDUCE_KEY_SCOPES = 'reduce_api_key_scopes';
export const RESTORE_KEY_SCOPES = 'restore_api_key_scopes';

/** The scopes a key had before Contain now, as its action recorded them (null: not in the record). */
export function scopesBeforeOf(change: { params: Record<string, unknown> }): string[] | null {
  const before = change.params.scopesBefore;
  return Array.isArray(before) && before.length > 0 && before.every((s) => typeof s === 'string')
    ? [...before]
    : null;
}

/**
 * A key as the clean-up must judge it: one Contain now cut down, with the scopes it had before
 * (from its record in `contained`, the changes Contain now made); null when it is cut down and no
 * record is at hand. Any other key as it is.
 */
export function asBeforeContainment<K extends { api_key_id: string; scopes: string[] }>(
  key: K,
  contained: readonly { kind: string; target: string; params: Record<string, unknown> }[] | undefined,
): K | null {
  if (!isContained(key)) return key;
  const record = contained?.find((c) => c.kind === REDUCE_KEY_SCOPES && c.target === key.api_key_id);
  const before = record ? scopesBeforeOf(record) : null;
  return before ? { ...key, scopes: before } : null;
}
