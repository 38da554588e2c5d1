import { z } from 'zod';
import { withRequestedId } from '../../http/tolerant-records.js';
import { orNull, textList } from './common.js';

/** One entry of `GET /v3/api_keys` (spec `ApiKeyResponse`): SendGrid lists no dates and no scopes. */
export type ApiKey = z.output<typeof apiKeySchema>;

export const apiKeySchema = z.object({
  api_key_id: z.string(),
  name: orNull(z.string()),
});

/** `GET /v3/api_keys/{api_key_id}` (spec `ApiKeyScopesResponse`): the key's name and scopes. */
export type ApiKeyWithScopes = z.output<typeof apiKeyWithScopesSchema>;

export const apiKeyWithScopesSchema = apiKeySchema.extend({ scopes: textList });

/**
 * The answer of `GET /v3/api_keys/{api_key_id}` in either shape it is known in: the spec's
 * `{ result: [ { api_key_id, name, scopes } ] }` (its example is the listing's, copied) or the flat
 * `{ api_key_id, name, scopes }` that independent clients read. An answer that leaves `api_key_id`
 * out is the key that was asked for. A `result` list with no key in it is a shape nothing can be
 * read from (a bad response).
 */
export function apiKeyAnswerSchema(apiKeyId: string): z.ZodType<ApiKeyWithScopes> {
  const key = withRequestedId(apiKeyWithScopesSchema, 'api_key_id', apiKeyId);
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
  return withRequestedId(apiKeySchema, 'api_key_id', apiKeyId);
}

/**
 * `POST /v3/api_keys` answers 201 with the new key (`api_key`) once and never again. It is kept
 * apart as `secret` so a caller can seal it at once and put only `key` anywhere else.
 */
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;

export const createdApiKeySchema = z
  .object({ api_key: z.string().min(1), ...apiKeyWithScopesSchema.shape })
  .transform(({ api_key, ...key }) => ({ key, secret: api_key }));
