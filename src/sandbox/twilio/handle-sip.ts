import { listPage } from './list-page.js';
import { nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, noContent, type SimResponse, twilioErrors } from './sim-http.js';
import { readSipPassword } from './validate-form.js';
import { credentialListView, credentialView, ipAclView, ipAddressView } from './views.js';

export function listCredentialLists(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const owner = ctx.state.account.sid;
  const records = ctx.state.credentialLists.map((l) => credentialListView(owner, l));
  return listPage(records, { path, key: 'credential_lists', query, filters: [] });
}

export function listCredentials(
  ctx: SimContext,
  listSid: string,
  query: URLSearchParams,
  path: string,
): SimResponse {
  if (!ctx.state.credentialLists.some((l) => l.sid === listSid)) return twilioErrors.notFound(path);
  const owner = ctx.state.account.sid;
  const records = ctx.state.credentials
    .filter((c) => c.credential_list_sid === listSid)
    .map((c) => credentialView(owner, c));
  return listPage(records, { path, key: 'credentials', query, filters: [] });
}

function findCredential(ctx: SimContext, listSid: string, sid: string) {
  return ctx.state.credentials.find((c) => c.sid === sid && c.credential_list_sid === listSid);
}

export function fetchCredential(ctx: SimContext, listSid: string, sid: string, path: string): SimResponse {
  const credential = findCredential(ctx, listSid, sid);
  return credential
    ? jsonResponse(200, credentialView(ctx.state.account.sid, credential))
    : twilioErrors.notFound(path);
}

/** `POST …/Credentials/{Sid}.json`: `Password` only (the spec: ≥12 characters, a digit, mixed case). */
export function updateCredential(
  ctx: SimContext,
  listSid: string,
  sid: string,
  form: URLSearchParams,
  path: string,
): SimResponse {
  const credential = findCredential(ctx, listSid, sid);
  if (!credential) return twilioErrors.notFound(path);
  const password = readSipPassword(form);
  if (password && 'error' in password) return password.error;
  if (password) credential.password = password.value;
  credential.date_updated = nowRfc2822(ctx);
  ctx.recordWrite(sid);
  return jsonResponse(200, credentialView(ctx.state.account.sid, credential));
}

export function deleteCredential(ctx: SimContext, listSid: string, sid: string, path: string): SimResponse {
  const credential = findCredential(ctx, listSid, sid);
  if (!credential) return twilioErrors.notFound(path);
  ctx.state.credentials = ctx.state.credentials.filter((c) => c !== credential);
  ctx.recordWrite(sid);
  return noContent();
}

export function listIpAcls(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const owner = ctx.state.account.sid;
  const records = ctx.state.ipAccessControlLists.map((l) => ipAclView(owner, l));
  return listPage(records, { path, key: 'ip_access_control_lists', query, filters: [] });
}

export function listIpAddresses(
  ctx: SimContext,
  aclSid: string,
  query: URLSearchParams,
  path: string,
): SimResponse {
  if (!ctx.state.ipAccessControlLists.some((l) => l.sid === aclSid)) return twilioErrors.notFound(path);
  const owner = ctx.state.account.sid;
  const records = ctx.state.ipAddresses
    .filter((ip) => ip.ip_access_control_list_sid === aclSid)
    .map((ip) => ipAddressView(owner, ip));
  return listPage(records, { path, key: 'ip_addresses', query, filters: [] });
}

/** `DELETE …/IpAddresses/{Sid}.json` (204): the address no longer reaches the account's SIP domains. */
export function deleteIpAddress(ctx: SimContext, aclSid: string, sid: string, path: string): SimResponse {
  const index = ctx.state.ipAddresses.findIndex(
    (ip) => ip.sid === sid && ip.ip_access_control_list_sid === aclSid,
  );
  if (index < 0) return twilioErrors.notFound(path);
  ctx.state.ipAddresses.splice(index, 1);
  ctx.recordWrite(sid);
  return noContent();
}
