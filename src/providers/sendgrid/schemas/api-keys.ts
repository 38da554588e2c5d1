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
