import type { z } from 'zod';
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { pickBody } from './pick-body.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import {
  type CredentialConnection,
  credentialConnectionSchema,
  type FqdnConnection,
  fqdnConnectionSchema,
  type IpConnection,
  ipConnectionSchema,
} from './schemas/connections.js';

/**
 * `PATCH /credential_connections/{id}`: rotate with `user_name` + `password` (the caller generates
 * them: `user_name` 4–32 alphanumerics with a letter early on, `password` 8–128 characters), or
 * contain with `active: false`. The password goes only into the request body.
 */
export interface CredentialConnectionPatch {
  user_name?: string;
  password?: string;
  active?: boolean;
}

export interface CredentialConnectionsApi {
  list(): Promise<Listing<CredentialConnection>>;
  get(id: string): Promise<CredentialConnection>;
  update(id: string, patch: CredentialConnectionPatch): Promise<CredentialConnection>;
}

/** `PATCH /ip_connections/{id}`: contain a rogue connection with `active: false`. */
export interface IpConnectionPatch {
  active?: boolean;
}

export interface IpConnectionsApi {
  list(): Promise<Listing<IpConnection>>;
  get(id: string): Promise<IpConnection>;
  update(id: string, patch: IpConnectionPatch): Promise<IpConnection>;
}

/** `PATCH /fqdn_connections/{id}` takes the same `active: false` as an IP connection. */
export interface FqdnConnectionsApi {
  list(): Promise<Listing<FqdnConnection>>;
  get(id: string): Promise<FqdnConnection>;
  update(id: string, patch: IpConnectionPatch): Promise<FqdnConnection>;
}

export function createCredentialConnectionsApi(http: ProviderHttp): CredentialConnectionsApi {
  const item = credentialConnectionSchema;
  return {
    list: () =>
      listAll(http, { path: '/credential_connections', operation: 'list credential connections', item }),
    get: async (id) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/credential_connections', id),
        operation: 'get credential connection',
        item,
        id,
      }),
    update: async (id, patch) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath('/credential_connections', id),
        operation: 'update credential connection',
        item,
        id,
        body: pickBody(patch, ['user_name', 'password', 'active']),
      }),
  };
}

/** List, get and `active`-only PATCH of one kind of IP-authenticated connection. */
function activeToggleApi<T>(http: ProviderHttp, collection: string, noun: string, item: z.ZodType<T>) {
  return {
    list: () => listAll(http, { path: collection, operation: `list ${noun}s`, item }),
    get: async (id: string) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath(collection, id),
        operation: `get ${noun}`,
        item,
        id,
      }),
    update: async (id: string, patch: IpConnectionPatch) =>
      requestData(http, {
        method: 'PATCH',
        path: resourcePath(collection, id),
        operation: `update ${noun}`,
        item,
        id,
        body: pickBody(patch, ['active']),
      }),
  };
}

export function createIpConnectionsApi(http: ProviderHttp): IpConnectionsApi {
  return activeToggleApi(http, '/ip_connections', 'IP connection', ipConnectionSchema);
}

export function createFqdnConnectionsApi(http: ProviderHttp): FqdnConnectionsApi {
  return activeToggleApi(http, '/fqdn_connections', 'FQDN connection', fqdnConnectionSchema);
}
