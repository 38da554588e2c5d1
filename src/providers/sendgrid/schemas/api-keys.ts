import { z } from 'zod';
import { orNull, textList } from './common.js';

/** One entry of `GET /v3/api_keys` (spec `ApiKeyResponse`): SendGrid lists no dates and no scopes. */
export interface ApiKey {
  api_key_id: string;
  name: string | null;
}

export const apiKeySchema: z.ZodType<ApiKey> = z.object({
  api_key_id: z.string(),
  name: orNull(z.string()),
});

/** `GET /v3/api_keys/{api_key_id}` (spec `ApiKeyScopesResponse`): the key's name and scopes. */
export interface ApiKeyWithScopes extends ApiKey {
  scopes: string[];
}

export const apiKeyWithScopesSchema: z.ZodType<ApiKeyWithScopes> = z.object({
  api_key_id: z.string(),
  name: orNull(z.string()),
  scopes: textList,
});

/**
 * The answer of `GET /v3/api_keys/{api_key_id}` in either shape it is known in: the spec's
 * `{ result: [ { api_key_id, name, scopes } ] }` (its example is the listing's, copied) or the flat
 * `{ api_key_id, name, scopes }` that independent clients read. An answer that leaves `api_key_id`
 * out is the key that was asked for. A `result` list with no key in it is a shape nothing can be
 * read from (a bad response).
 */
export function apiKeyAnswerSchema(apiKeyId: string): z.ZodType<ApiKeyWithScopes> {
  const key = z.preprocess((raw) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    return record.api_key_id === undefined || record.api_key_id === null
      ? { ...record, api_key_id: apiKeyId }
      : raw;
  }, apiKeyWithScopesSchema);
  const wrapped = z
    .object({ result: z.array(key).min(1) })
    .transform(
      ({ result }) => result.find((k) => k.api_key_id === apiKeyId) ?? (result[0] as ApiKeyWithScopes),
    );
  // The flat shape is read as a one-key `result`, so either shape's faults are named the same way.
  const asWrapped = (raw: unknown) =>
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !('result' in raw)
      ? { result: [raw] }
      : raw;
  return z.preprocess(asWrapped, wrapped) as z.ZodType<ApiKeyWithScopes>;
}

/**
 * `PUT /v3/api_keys/{api_key_id}` (UpdateApiKey) answers 200 with `ApiKeyResponse`: the key's id and
 * name, neither required. Its example also shows `scopes`, which the schema does not declare, so
 * they are not read: a caller that needs the scopes re-reads the key (`GET`). An answer without
 * `api_key_id` is the key that was updated.
 */
export function updatedApiKeySchema(apiKeyId: string): z.ZodType<ApiKey> {
  return z.preprocess((raw) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    return record.api_key_id === undefined || record.api_key_id === null
      ? { ...record, api_key_id: apiKeyId }
      : raw;
  }, apiKeySchema) as z.ZodType<ApiKey>;
}

/**
 * `POST /v3/api_keys` answers 201 with the new key (`api_key`) once and never again. It is kept
 * apart as `secret` so a caller can seal it at once and put only `key` anywhere else.
 */
export interface CreatedApiKey {
  key: ApiKeyWithScopes;
  secret: string;
}

export const createdApiKeySchema: z.ZodType<CreatedApiKey> = z
  .object({
    api_key: z.string().min(1),
    api_key_id: z.string(),
    name: orNull(z.string()),
    scopes: textList,
  })
  .transform((body) => ({
    key: { api_key_id: body.api_key_id, name: body.name, scopes: body.scopes },
    secret: body.api_key,
  }));
