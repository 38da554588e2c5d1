import type { SimAccount } from './account-state.js';
import { listPage } from './list-page.js';
import { newToken, nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, noContent, type SimResponse, twilioErrors } from './sim-http.js';
import { applyReads, readEnum, readText } from './validate-form.js';
import { accountView } from './views.js';

function findAccount(ctx: SimContext, sid: string): SimAccount | undefined {
  return sid === ctx.state.account.sid ? ctx.state.account : ctx.state.subaccounts.find((a) => a.sid === sid);
}

/** `GET /2010-04-01/Accounts.json`: the account itself, then its subaccounts; `FriendlyName`, `Status`. */
export function listAccounts(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const name = query.get('FriendlyName');
  const status = query.get('Status');
  const records = [ctx.state.account, ...ctx.state.subaccounts]
    .filter((a) => (name === null || a.friendly_name === name) && (status === null || a.status === status))
    .map(accountView);
  return listPage(records, { path, key: 'accounts', query, filters: ['FriendlyName', 'Status'] });
}

export function fetchAccount(ctx: SimContext, sid: string, path: string): SimResponse {
  const account = findAccount(ctx, sid);
  return account ? jsonResponse(200, accountView(account)) : twilioErrors.notFound(path);
}

/** `POST /2010-04-01/Accounts/{Sid}.json`: `FriendlyName`, `Status`; a closed account stays closed. */
export function updateAccount(
  ctx: SimContext,
  sid: string,
  form: URLSearchParams,
  path: string,
): SimResponse {
  const account = findAccount(ctx, sid);
  if (!account) return twilioErrors.notFound(path);
  const status = readEnum(form, 'Status', ['active', 'suspended', 'closed'] as const);
  if (account.status === 'closed' && status && 'value' in status && status.value !== 'closed') {
    return twilioErrors.badParameter('A closed account cannot be reopened');
  }
  const refused = applyReads(account as unknown as Record<string, unknown>, [
    ['friendly_name', readText(form, 'FriendlyName', 64)],
    ['status', status],
  ]);
  if (refused) return refused;
  account.date_updated = nowRfc2822(ctx);
  ctx.recordWrite(sid);
  return jsonResponse(200, accountView(account));
}

const SECONDARY_URL = 'https://accounts.twilio.com/v1/AuthTokens/Secondary';

/** `POST /v1/AuthTokens/Secondary` (201): a new secondary token; one already there is replaced. */
export function createSecondaryToken(ctx: SimContext): SimResponse {
  const at = new Date(ctx.clock()).toISOString();
  ctx.state.secondaryAuthToken = { token: newToken(ctx), date_created: at };
  ctx.recordWrite(ctx.state.account.sid);
  return jsonResponse(201, {
    account_sid: ctx.state.account.sid,
    date_created: at,
    date_updated: at,
    secondary_auth_token: ctx.state.secondaryAuthToken.token,
    url: SECONDARY_URL,
  });
}

/** `DELETE /v1/AuthTokens/Secondary` (204), or 404 when there is none. */
export function deleteSecondaryToken(ctx: SimContext, path: string): SimResponse {
  if (!ctx.state.secondaryAuthToken) return twilioErrors.notFound(path);
  ctx.state.secondaryAuthToken = null;
  ctx.recordWrite(ctx.state.account.sid);
  return noContent();
}

/** `POST /v1/AuthTokens/Promote` (200): the secondary becomes primary; the old primary stops working. */
export function promoteSecondaryToken(ctx: SimContext): SimResponse {
  const secondary = ctx.state.secondaryAuthToken;
  if (!secondary) return twilioErrors.badParameter('There is no secondary Auth Token to promote');
  const at = new Date(ctx.clock()).toISOString();
  ctx.state.account.auth_token = secondary.token;
  ctx.state.account.date_updated = nowRfc2822(ctx);
  ctx.state.secondaryAuthToken = null;
  ctx.recordWrite(ctx.state.account.sid);
  return jsonResponse(200, {
    account_sid: ctx.state.account.sid,
    auth_token: secondary.token,
    date_created: secondary.date_created,
    date_updated: at,
    url: 'https://accounts.twilio.com/v1/AuthTokens/Promote',
  });
}
