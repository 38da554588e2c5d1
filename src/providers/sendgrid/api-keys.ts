import type { ProviderHttp } from '../http/types.js';
import { call, deleteById, getResults } from './requests.js';
import { resourcePath } from './resource-path.js';
import {
  apiKeyAnswerSchema,
  apiKeySchema,
  createdApiKeySchema,
  updatedApiKeySchema,
} from './schemas/api-keys.js';
import { scopesSchema } from './schemas/mail-settings.js';

/** An account holds at most 100 API keys (spec, CreateApiKey), so one page of 100 lists them all. */
export const SENDGRID_MAX_API_KEYS = 100;

export type ApiKeysApi = ReturnType<typeof createApiKeysApi>;

const KEYS = '/v3/api_keys';

export function createApiKeysApi(http: ProviderHttp) {
  return {
    /** `GET /v3/api_keys?limit=100`: ids and names only. */
    list: () =>
      getResults(http, KEYS, 'list API keys', apiKeySchema, ['api_key_id'], { limit: SENDGRID_MAX_API_KEYS }),
    /** `GET /v3/api_keys/{id}`: the key with its scopes, in the spec's `result` shape or the flat one. */
    get: async (apiKeyId: string) =>
      call(http, {
        method: 'GET',
        path: resourcePath(KEYS, apiKeyId),
        schema: apiKeyAnswerSchema(apiKeyId),
        operation: 'get API key scopes',
      }),
    /**
     * `POST /v3/api_keys`. `scopes` must be given: without it SendGrid creates a full-access key.
     * The new key's value is returned once, as `secret`.
     */
    create: async (input: { name: string; scopes: string[] }) =>
      call(http, {
        method: 'POST',
        path: KEYS,
        body: { json: { name: input.name, scopes: input.scopes } },
        schema: createdApiKeySchema,
        operation: 'create API key',
      }),
    /**
     * `PUT /v3/api_keys/{id}` (UpdateApiKey): sets the key's name and scopes. The spec asks for "a
     * `scopes` array containing at least one scope", and for the key's existing name when only the
     * scopes change (`PATCH` renames only). Answers the key's id and name; its value is never sent.
     */
    update: async (apiKeyId: string, input: { name: string; scopes: string[] }) =>
      call(http, {
        method: 'PUT',
        path: resourcePath(KEYS, apiKeyId),
        body: { json: { name: input.name, scopes: input.scopes } },
        schema: updatedApiKeySchema(apiKeyId),
        operation: 'update API key scopes',
      }),
    /** `DELETE /v3/api_keys/{id}` (204); SendGrid notes a short delay before the key stops working. */
    delete: (apiKeyId: string) => deleteById(http, KEYS, apiKeyId, 'delete API key'),
    /** `GET /v3/scopes`: the scopes of the key that asks (a key can grant no scope it lacks). */
    async ownScopes() {
      const operation = 'list own scopes';
      return (await call(http, { method: 'GET', path: '/v3/scopes', schema: scopesSchema, operation }))
        .scopes;
    },
  };
}
