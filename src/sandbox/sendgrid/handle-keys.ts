import { apiKeyIdOf } from '../../providers/sendgrid/api-key-id.js';
import { sha256Hex } from '../../util/hash.js';
import { FULL_ACCESS_SCOPES, MAX_API_KEYS } from './full-access-scopes.js';
import type { RouteArgs, SimContext } from './sim-context.js';
import { bodyObject } from './sim-context.js';
import { json, NO_CONTENT, type SimResponse, sendgridError, sendgridErrors } from './sim-http.js';

const KEY_NOT_FOUND = 'unable to find API Key';

function positiveInt(query: URLSearchParams, name: string): number | undefined | 'bad' {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : 'bad';
}

export function listApiKeys(ctx: SimContext, a: RouteArgs): SimResponse {
  const limit = positiveInt(a.query, 'limit');
  if (limit === 'bad') return sendgridErrors.badRequest('limit must be a positive integer', 'limit');
  const keys = ctx.state.apiKeys.slice(0, limit ?? ctx.state.apiKeys.length);
  return json(200, { result: keys.map((k) => ({ api_key_id: k.api_key_id, name: k.name })) });
}

export function getApiKey(ctx: SimContext, a: RouteArgs): SimResponse {
  const key = ctx.state.apiKeys.find((k) => k.api_key_id === a.id);
  if (!key) return sendgridErrors.notFound(KEY_NOT_FOUND);
  const answer = { api_key_id: key.api_key_id, name: key.name, scopes: [...key.scopes] };
  return json(200, ctx.answers.apiKeyShape === 'result' ? { result: [answer] } : answer);
}

/** `POST /v3/api_keys`: `name` required; no `scopes` means full access (as SendGrid warns). */
export function createApiKey(ctx: SimContext, a: RouteArgs): SimResponse {
  const body = bodyObject(a.body);
  if (typeof body?.name !== 'string' || body.name.trim() === '') {
    return sendgridErrors.badRequest('missing required argument', 'name');
  }
  const scopes = body.scopes;
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
    return sendgridErrors.badRequest('scopes must be a list of strings', 'scopes');
  }
  if (ctx.state.apiKeys.length >= MAX_API_KEYS) {
    return sendgridError(403, 'Cannot create more than 100 API keys', null);
  }
  const id = ctx.random.token(22);
  const key = { api_key_id: id, name: body.name, scopes: scopes ? [...scopes] : [...FULL_ACCESS_SCOPES] };
  const value = `SG.${id}.${ctx.random.token(43)}`;
  ctx.state.apiKeys.push(key);
  ctx.state.keyDigests[id] = sha256Hex(value);
  ctx.recordWrite(id);
  return json(201, { api_key: value, ...key, scopes: [...key.scopes] });
}

/**
 * `PUT /v3/api_keys/{api_key_id}`: `name` required (the existing one when only the scopes change)
 * and "a `scopes` array containing at least one scope" (spec UpdateApiKey); an empty list is a 400.
 * Answers `ApiKeyResponse` with the scopes as in the spec's example.
 */
export function updateApiKey(ctx: SimContext, a: RouteArgs): SimResponse {
  const key = ctx.state.apiKeys.find((k) => k.api_key_id === a.id);
  if (!key) return sendgridErrors.notFound(KEY_NOT_FOUND);
  const body = bodyObject(a.body);
  if (typeof body?.name !== 'string' || body.name.trim() === '') {
    return sendgridErrors.badRequest('missing required argument', 'name');
  }
  const scopes = body.scopes;
  if (!(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
    return sendgridErrors.badRequest('scopes must be a list of strings', 'scopes');
  }
  if (scopes.length === 0) return sendgridErrors.badRequest('at least one scope is required', 'scopes');
  key.name = body.name;
  key.scopes = [...new Set(scopes)];
  ctx.recordWrite(key.api_key_id);
  return json(200, { api_key_id: key.api_key_id, name: key.name, scopes: [...key.scopes] });
}

export function deleteApiKey(ctx: SimContext, a: RouteArgs): SimResponse {
  const index = ctx.state.apiKeys.findIndex((k) => k.api_key_id === a.id);
  if (index < 0) return sendgridErrors.notFound(KEY_NOT_FOUND);
  ctx.state.apiKeys.splice(index, 1);
  delete ctx.state.keyDigests[a.id];
  ctx.recordWrite(a.id);
  return NO_CONTENT;
}

/** `GET /v3/scopes`: the scopes of the key the request was signed with (the client's). */
export function listOwnScopes(ctx: SimContext): SimResponse {
  const id = apiKeyIdOf(ctx.state.apiKey);
  const own = ctx.state.apiKeys.find((k) => k.api_key_id === id);
  return json(200, { scopes: [...(own?.scopes ?? [])] });
}
