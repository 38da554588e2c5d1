// Who and what reaches the account besides its keys: users, OAuth grants and clients, integration
// secrets and the API access allow-list, as the spec's operations on them answer.
import type { TelnyxAccountState } from './account.js';
import { emptyAccountAccess, type SimAccountAccess } from './account-access-state.js';
import type { JsonObject } from './account-state.js';
import { listRecords } from './list-query.js';
import { appendAuditEvent } from './record-audit.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, telnyxErrors } from './sim-http.js';
import { validateBody } from './validate-body.js';

/** The account's collections, made empty on first use (a saved account from before has none). */
export function accountAccessOf(state: TelnyxAccountState): SimAccountAccess {
  state.accountAccess ??= emptyAccountAccess();
  return state.accountAccess;
}

type Key = keyof SimAccountAccess;

interface Collection {
  path: string;
  key: Key;
  idKey: 'id' | 'client_id';
  /** The spec's `page[size]` default. */
  pageSize: number;
  /** What the removal answers: `{ data: record }`, the record itself, or 204 with no body. */
  removed: 'data' | 'record' | 'empty';
  /** `POST /path/{id}/actions/remove` instead of `DELETE /path/{id}`. */
  removeAction?: boolean;
}

const COLLECTIONS: readonly Collection[] = [
  {
    path: '/organizations/users',
    key: 'organizationUsers',
    idKey: 'id',
    pageSize: 250,
    removed: 'data',
    removeAction: true,
  },
  { path: '/oauth_grants', key: 'oauthGrants', idKey: 'id', pageSize: 20, removed: 'data' },
  { path: '/oauth_clients', key: 'oauthClients', idKey: 'client_id', pageSize: 20, removed: 'empty' },
  { path: '/integration_secrets', key: 'integrationSecrets', idKey: 'id', pageSize: 20, removed: 'empty' },
  { path: '/access_ip_address', key: 'accessIpAddresses', idKey: 'id', pageSize: 20, removed: 'record' },
  { path: '/access_ip_ranges', key: 'accessIpRanges', idKey: 'id', pageSize: 20, removed: 'record' },
];

function list(ctx: SimContext, c: Collection, query: URLSearchParams): SimResponse {
  return listRecords(
    accountAccessOf(ctx.state)[c.key],
    { pageSizeDefault: c.pageSize, filters: [] },
    query,
    (r) => structuredClone(r),
  );
}

function remove(ctx: SimContext, c: Collection, id: string): SimResponse {
  const records = accountAccessOf(ctx.state)[c.key];
  const index = records.findIndex((r) => r[c.idKey] === id);
  const record = records[index];
  if (!record) return telnyxErrors.notFound();
  // The spec does not say what removing the owner answers; the simulator refuses it with a 422.
  if (record.record_type === 'organization_owner') {
    return telnyxErrors.invalidField('id', 'The organization owner cannot be removed.');
  }
  records.splice(index, 1);
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at: ctx.now(),
    changeType: 'delete',
    resourceId: id,
    changes: null,
  });
  ctx.recordWrite(id);
  if (c.removed === 'empty') return jsonResponse(204, undefined);
  return jsonResponse(200, c.removed === 'data' ? { data: record } : record);
}

/** `POST /access_ip_address` `{ ip_address, description }` or `/access_ip_ranges` `{ cidr_block, description }`. */
function addEntry(ctx: SimContext, c: Collection, body: unknown): SimResponse {
  const field = c.key === 'accessIpAddresses' ? 'ip_address' : 'cidr_block';
  const problem = validateBody(body ?? {}, {
    required: [field],
    types: { [field]: field === 'ip_address' ? 'ip-address' : 'string', description: 'string' },
  });
  if (problem) return problem;
  const fields = body as JsonObject;
  const at = ctx.now();
  const record: JsonObject = {
    id: ctx.random.uuid(),
    [field]: fields[field],
    ...(field === 'ip_address' ? { source: 'api' } : {}),
    status: 'added',
    user_id: ctx.state.ownerUserId,
    description: typeof fields.description === 'string' ? fields.description : '',
    created_at: at,
    updated_at: at,
  };
  accountAccessOf(ctx.state)[c.key].push(record);
  appendAuditEvent(ctx.state, {
    id: ctx.random.uuid(),
    at,
    changeType: 'create',
    resourceId: record.id as string,
    changes: null,
  });
  ctx.recordWrite(record.id as string);
  return jsonResponse(200, structuredClone(record));
}

/** The shape of `routes.ts`'s `Route`, written out here so that file can import this one. */
interface AccessRoute {
  method: string;
  template: string;
  run(ctx: SimContext, args: { id: string; query: URLSearchParams; body: unknown }): SimResponse;
}

export const ACCOUNT_ACCESS_ROUTES: readonly AccessRoute[] = COLLECTIONS.flatMap((c): AccessRoute[] => [
  { method: 'GET', template: c.path, run: (ctx, a) => list(ctx, c, a.query) },
  c.removeAction
    ? { method: 'POST', template: `${c.path}/{id}/actions/remove`, run: (ctx, a) => remove(ctx, c, a.id) }
    : { method: 'DELETE', template: `${c.path}/{id}`, run: (ctx, a) => remove(ctx, c, a.id) },
  ...(c.removed === 'record'
    ? [
        {
          method: 'POST',
          template: c.path,
          run: (ctx: SimContext, a: { body: unknown }) => addEntry(ctx, c, a.body),
        },
      ]
    : []),
]);
