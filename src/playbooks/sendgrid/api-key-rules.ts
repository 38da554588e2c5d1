import type { ApiKeyWithScopes } from '../../providers/sendgrid/index.js';

/**
 * Scopes that let a key take or keep control of the account: make more keys, let more addresses
 * in, or add people (twilio.com/docs/sendgrid/api-reference/api-key-permissions). A key sending
 * mail for an application has none of them; an attacker's persistence key has them all.
 */
export const ACCOUNT_CONTROL_SCOPES: readonly string[] = [
  'api_keys.create',
  'api_keys.update',
  'access_settings.whitelist.create',
  'access_settings.whitelist.update',
  'teammates.create',
  'teammates.update',
];

/** Appended to a replacement's name; a key that already carries it is not replaced again. */
export const REPLACED_MARK = ' (replaced by Reclaim)';

/** The control scopes a key holds (empty: a restricted key). */
export function controlScopesOf(key: ApiKeyWithScopes): string[] {
  return key.scopes.filter((s) => ACCOUNT_CONTROL_SCOPES.includes(s));
}

/** The name of the key that replaces one named `name` (the mark is never doubled). */
export function replacementName(name: string | null): string {
  const base = (name ?? '').endsWith(REPLACED_MARK) ? (name ?? '').slice(0, -REPLACED_MARK.length) : name;
  return `${base && base.trim() !== '' ? base : 'Unnamed key'}${REPLACED_MARK}`;
}

export function isReplacement(key: { name: string | null }): boolean {
  return (key.name ?? '').endsWith(REPLACED_MARK);
}

/**
 * The scopes of `key` that Reclaim's own key does not hold (`GET /v3/scopes`): a key can grant no
 * scope it lacks, so a replacement with these would be refused or come out narrower. None when
 * Reclaim's scopes are unknown.
 */
export function missingScopes(key: ApiKeyWithScopes, own: readonly string[] | null): string[] {
  return own === null ? [] : key.scopes.filter((s) => !own.includes(s));
}

const CANNOT = 'Reclaim’s own key lacks';

/** The reason on a key Reclaim cannot replace for want of scopes. */
export function cannotReplace(missing: readonly string[]): string {
  const shown =
    missing.length <= 4
      ? missing.join(', ')
      : `${missing.slice(0, 4).join(', ')} and ${missing.length - 4} more`;
  return `${CANNOT} ${missing.length === 1 ? 'its scope' : `${missing.length} of its scopes`} (${shown}) and a key cannot grant scopes it does not hold, so Reclaim cannot make its replacement: replace it in Settings › API Keys, or connect a key that holds them and rediscover`;
}

export function isCannotReplace(reason: string): boolean {
  return reason.startsWith(CANNOT);
}

/** What a step knows of Reclaim's own key: its id, and the scopes `GET /v3/scopes` gave it (null: unread). */
export interface OwnKey {
  id: string | null;
  scopes: readonly string[] | null;
}

/**
 * Whether `sendgrid.replace-api-keys` deletes this key or replaces it (and then deletes it), by its
 * rules: a key that can take control is deleted; any other key is replaced unless Reclaim made it
 * or Reclaim's own key lacks some of its scopes (then a person replaces it). Never Reclaim's own
 * key, and no key at all when Reclaim cannot tell which is its own.
 */
export function cleanUpRemoves(key: ApiKeyWithScopes, own: OwnKey): boolean {
  if (own.id === null || key.api_key_id === own.id) return false;
  if (controlScopesOf(key).length > 0) return true;
  return !isReplacement(key) && missingScopes(key, own.scopes).length === 0;
}
