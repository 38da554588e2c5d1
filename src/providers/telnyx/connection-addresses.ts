import type { ProviderHttp } from '../http/types.js';
import { listDeleteApi } from './resource-api.js';
import { fqdnSchema, ipSchema } from './schemas/connections.js';

export interface AddressFilter {
  /** Only the addresses of this connection (`filter[connection_id]`). */
  connectionId?: string;
}

const byConnection = (filter?: AddressFilter) => ({ 'filter[connection_id]': filter?.connectionId });

/** The IPs allowed on IP connections: a resource of their own (`/ips`); `DELETE /ips/{id}` answers the IP. */
export type IpsApi = ReturnType<typeof createIpsApi>;
/** The host names of FQDN connections (`/fqdns`); `DELETE /fqdns/{id}` answers the deleted FQDN. */
export type FqdnsApi = ReturnType<typeof createFqdnsApi>;

export function createIpsApi(http: ProviderHttp) {
  return listDeleteApi(http, '/ips', 'IP', ipSchema, byConnection);
}

export function createFqdnsApi(http: ProviderHttp) {
  return listDeleteApi(http, '/fqdns', 'FQDN', fqdnSchema, byConnection);
}
