/**
 * The id of a SendGrid API key, read from the key itself. A key is `SG.<api_key_id>.<secret>`
 * (69 characters: 22 for the id, 43 for the secret; the spec's CreateApiKey example pairs
 * `"api_key": "SG.xxxxxxxx.yyyyyyyy"` with `"api_key_id": "xxxxxxxx"`). The id is not secret: it is
 * what `GET /v3/api_keys` lists. `null` when the key does not have that form.
 */
export function apiKeyIdOf(apiKey: string | null | undefined): string | null {
  if (!apiKey) return null;
  const match = /^SG\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(apiKey.trim());
  return match?.[1] ?? null;
}
