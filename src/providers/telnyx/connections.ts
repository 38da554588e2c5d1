import type { ProviderHttp } from '../http/types.js';
import { pickBody } from './pick-body.js';
import { editableApi } from './resource-api.js';
import {
  credentialConnectionSchema,
  fqdnConnectionSchema,
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

/** `PATCH /ip_connections/{id}`: contain a rogue connection with `active: false`. */
export interface IpConnectionPatch {
  active?: boolean;
}

export type CredentialConnectionsApi = ReturnType<typeof createCredentialConnectionsApi>;
export type IpConnectionsApi = ReturnType<typeof createIpConnectionsApi>;
/** `PATCH /fqdn_connections/{id}` takes the same `active: false` as an IP connection. */
export type FqdnConnectionsApi = ReturnType<typeof createFqdnConnectionsApi>;

export function createCredentialConnectionsApi(http: ProviderHttp) {
  return editableApi(
    http,
    '/credential_connections',
    'credential connection',
    credentialConnectionSchema,
    (patch: CredentialConnectionPatch) => pickBody(patch, ['user_name', 'password', 'active']),
  );
}

/** The PATCH body of an IP-authenticated connection: `active` alone. */
const activeOnly = (patch: IpConnectionPatch) => pickBody(patch, ['active']);

export function createIpConnectionsApi(http: ProviderHttp) {
  return editableApi(http, '/ip_connections', 'IP connection', ipConnectionSchema, activeOnly);
}

export function createFqdnConnectionsApi(http: ProviderHttp) {
  return editableApi(http, '/fqdn_connections', 'FQDN connection', fqdnConnectionSchema, activeOnly);
}
