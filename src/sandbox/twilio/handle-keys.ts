import type { SimKey } from './account-state.js';
import { listPage } from './list-page.js';
import { newSid, newToken, nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, noContent, type SimResponse, twilioErrors } from './sim-http.js';
import { readText } from './validate-form.js';
import { keyView } from './views.js';

/** `GET …/Keys.json`: every key but the restricted ones, which only iam v1 lists. */
export function listKeys(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const keys = ctx.state.keys.filter((k) => !k.restricted);
  return listPage(keys.map(keyView), { path, key: 'keys', query, filters: [] });
}

/** `POST …/Keys.json` (201): a Standard key; the answer is the only one that carries `secret`. */
export function createKey(ctx: SimContext, form: URLSearchParams): SimResponse {
  const name = readText(form, 'FriendlyName', 64);
  if (name && 'error' in name) return name.error;
  const at = nowRfc2822(ctx);
  const key: SimKey = {
    sid: newSid(ctx, 'SK'),
    friendly_name: name?.value ?? '',
    date_created: at,
    date_updated: at,
    secret: newToken(ctx),
  };
  ctx.state.keys.push(key);
  ctx.recordWrite(key.sid);
  return jsonResponse(201, structuredClone(key));
}

/**
 * `DELETE …/Keys/{Sid}.json` (204); the key stops authenticating at once. A restricted key is not
 * there for the 2010 API (404); `iam` (iam v1 `DELETE /v1/Keys/{Sid}`) deletes any key.
 */
export function deleteKey(ctx: SimContext, sid: string, path: string, iam = false): SimResponse {
  const index = ctx.state.keys.findIndex((k) => k.sid === sid && (iam || !k.restricted));
  if (index < 0) return twilioErrors.notFound(path);
  ctx.state.keys.splice(index, 1);
  ctx.recordWrite(sid);
  return noContent();
}
