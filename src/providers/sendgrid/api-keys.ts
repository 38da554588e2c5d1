import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { resourcePath } from './resource-path.js';
import {
  type ApiKey,
  type ApiKeyWithScopes,
  apiKeyAnswerSchema,
  apiKeySchema,
  type CreatedApiKey,
  createdApiKeySchema,
  updatedApiKeySchema,
} from './schemas/api-keys.js';
import { noContent, resultRecords } from './schemas/common.js';
import { scopesSchema } from './schemas/mail-settings.js';

/** An account holds at most 100 API keys (spec, CreateApiKey), so one page of 100 lists them all. */
export const SENDGRID_MAX_API_KEYS = 100;

export interface ApiKeysApi {
  /** `GET /v3/api_keys?limit=100`: ids and names only. */
  list(): Promise<Listing<ApiKey>>;
  /** `GET /v3/api_keys/{id}`: the key with its scopes, in the spec's `result` shape or the flat one. */
  get(apiKeyId: string): Promise<ApiKeyWithScopes>;
  /**
   * `POST /v3/api_keys`. `scopes` must be given: without it SendGrid creates a full-access key.
   * The new key's value is returned once, as `secret`.
   */
  create(input: { name: string; scopes: string[] }): Promise<CreatedApiKey>;
  /**
   * `PUT /v3/api_keys/{id}` (UpdateApiKey): sets the key's name and scopes. The spec asks for "a
   * `scopes` array containing at least one scope", and for the key's existing name when only the
   * scopes change (`PATCH` renames only). Answers the key's id and name; its value is never sent.
   */
  update(apiKeyId: string, input: { name: string; scopes: string[] }): Promise<ApiKey>;
  /** `DELETE /v3/api_keys/{id}` (204); SendGrid notes a short delay before the key stops working. */
  delete(apiKeyId: string): Promise<void>;
  /** `GET /v3/scopes`: the scopes of the key that asks (a key can grant no scope it lacks). */
  ownScopes(): Promise<string[]>;
}

const KEYS = '/v3/api_keys';

export function createApiKeysApi(http: ProviderHttp): ApiKeysApi {
  return {
    async list() {
      const res = await http.request({
        method: 'GET',
        path: KEYS,
        query: { limit: SENDGRID_MAX_API_KEYS },
        schema: resultRecords(apiKeySchema, {
          provider: http.provider,
          operation: 'list API keys',
          idKeys: ['api_key_id'],
        }),
        operation: 'list API keys',
      });
      return res.data.result;
    },
    async get(apiKeyId) {
      const res = await http.request({
        method: 'GET',
        path: resourcePath(KEYS, apiKeyId),
        schema: apiKeyAnswerSchema(apiKeyId),
        operation: 'get API key scopes',
      });
      return res.data;
    },
    async create(input) {
      const res = await http.request({
        method: 'POST',
        path: KEYS,
        body: { json: { name: input.name, scopes: input.scopes } },
        schema: createdApiKeySchema,
        operation: 'create API key',
      });
      return res.data;
    },
    async update(apiKeyId, input) {
      const res = await http.request({
        method: 'PUT',
        path: resourcePath(KEYS, apiKeyId),
        body: { json: { name: input.name, scopes: input.scopes } },
        schema: updatedApiKeySchema(apiKeyId),
        operation: 'update API key scopes',
      });
      return res.data;
    },
    async delete(apiKeyId) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(KEYS, apiKeyId),
        schema: noContent,
        operation: 'delete API key',
      });
    },
    async ownScopes() {
      const res = await http.request({
        method: 'GET',
        path: '/v3/scopes',
        schema: scopesSchema,
        operation: 'list own scopes',
      });
      return res.data.scopes;
    },
  };
}
