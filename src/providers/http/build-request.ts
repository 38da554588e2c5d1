import type { AttemptInit } from './attempt-failure.js';
import type { HttpRequest } from './types.js';

export type ProviderAuth = { bearer: string } | { basic: { username: string; password: string } };

/**
 * `baseUrl` + `path` + the query, each key and value percent-encoded (`page[number]=2` goes out as
 * `page%5Bnumber%5D=2`); undefined values are left out, booleans and numbers are written as text.
 */
export function buildUrl(baseUrl: string, path: string, query: HttpRequest<unknown>['query']): string {
  const base = baseUrl.replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  const qs = encodeDefined(query ?? {});
  return qs === '' ? `${base}${rel}` : `${base}${rel}?${qs}`;
}

/** Headers (auth, accept, user agent, content type) and the encoded body of one request. */
export function buildInit(
  auth: ProviderAuth,
  userAgent: string,
  body: HttpRequest<unknown>['body'],
): Omit<AttemptInit, 'method'> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: authorizationHeader(auth),
    'user-agent': userAgent,
  };
  if (!body) return { headers };
  if ('json' in body) {
    headers['content-type'] = 'application/json';
    return { headers, body: JSON.stringify(body.json) };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { headers, body: encodeDefined(body.form) };
}

function encodeDefined(entries: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries))
    if (value !== undefined) params.append(key, String(value));
  return params.toString();
}

function authorizationHeader(auth: ProviderAuth): string {
  if ('bearer' in auth) return `Bearer ${auth.bearer}`;
  const pair = `${auth.basic.username}:${auth.basic.password}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/** The credentials as text, for scrubbing provider answers: the key, the password, the header value. */
export function authSecrets(auth: ProviderAuth): string[] {
  if ('bearer' in auth) return [auth.bearer];
  return [auth.basic.password, authorizationHeader(auth).slice('Basic '.length)];
}
