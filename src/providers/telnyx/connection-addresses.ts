import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import { type Fqdn, fqdnSchema, type Ip, ipSchema } from './schemas/connections.js';

export interface AddressFilter {
  /** Only the addresses of this connection (`filter[connection_id]`). */
  connectionId?: string;
}

/** The IPs allowed on IP connections: a resource of their own (`/ips`). */
export interface IpsApi {
  list(filter?: AddressFilter): Promise<Listing<Ip>>;
  /** `DELETE /ips/{id}` answers 200 with the deleted IP, returned here. */
  delete(id: string): Promise<Ip>;
}

/** The host names of FQDN connections (`/fqdns`). */
export interface FqdnsApi {
  list(filter?: AddressFilter): Promise<Listing<Fqdn>>;
  /** `DELETE /fqdns/{id}` answers 200 with the deleted FQDN, returned here. */
  delete(id: string): Promise<Fqdn>;
}

export function createIpsApi(http: ProviderHttp): IpsApi {
  return {
    list: (filter = {}) =>
      listAll(http, {
        path: '/ips',
        operation: 'list IPs',
        item: ipSchema,
        query: { 'filter[connection_id]': filter.connectionId },
      }),
    delete: async (id) =>
      requestData(http, {
        method: 'DELETE',
        path: resourcePath('/ips', id),
        operation: 'delete IP',
        item: ipSchema,
        id,
      }),
  };
}

export function createFqdnsApi(http: ProviderHttp): FqdnsApi {
  return {
    list: (filter = {}) =>
      listAll(http, {
        path: '/fqdns',
        operation: 'list FQDNs',
        item: fqdnSchema,
        query: { 'filter[connection_id]': filter.connectionId },
      }),
    delete: async (id) =>
      requestData(http, {
        method: 'DELETE',
        path: resourcePath('/fqdns', id),
        operation: 'delete FQDN',
        item: fqdnSchema,
        id,
      }),
  };
}
