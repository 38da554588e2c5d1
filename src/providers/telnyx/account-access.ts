import { z } from 'zod';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { resourcePath } from './resource-path.js';
import {
  accessIpAddressSchema,
  accessIpRangeSchema,
  integrationSecretSchema,
  oauthClientSchema,
  oauthGrantSchema,
  organizationUserSchema,
} from './schemas/account-access.js';

/** A collection Reclaim lists and removes from; what a removal answers (the record, or 204) is not read. */
export type ListRemoveApi<T> = ReturnType<typeof listRemove<T>>;

/** An allow-list collection also takes an addition: `POST { ip_address | cidr_block, description }`. */
export type AccessListApi<T> = ReturnType<typeof accessList<T>>;

/** What a removal answers is not read (a 204 has no body): `{}` keeps none of it. */
const ignored = z.object({}).optional();

/**
 * `GET path` at `pageSize` (the spec's maximum, or its example size where it names none), and
 * `DELETE path/{id}`, or `POST path/{id}<removeSuffix>` where the spec has an action instead.
 */
function listRemove<T>(
  http: ProviderHttp,
  path: string,
  noun: string,
  item: z.ZodType<T>,
  pageSize: number,
  { removeSuffix, idKeys }: { removeSuffix?: string; idKeys?: readonly string[] } = {},
) {
  return {
    list: () =>
      listAll(http, { path, operation: `list ${noun}s`, item, pageSize, ...(idKeys ? { idKeys } : {}) }),
    delete: async (id: string): Promise<void> => {
      await http.request({
        method: removeSuffix ? 'POST' : 'DELETE',
        path: resourcePath(path, id, removeSuffix),
        schema: ignored,
        operation: `${removeSuffix ? 'remove' : 'delete'} ${noun}`,
      });
    },
  };
}

function accessList<T>(http: ProviderHttp, path: string, noun: string, field: string, item: z.ZodType<T>) {
  return {
    ...listRemove(http, path, noun, item, 250),
    // The spec's create answers 200 with the entry itself, not in `data`.
    add: async (address: string, description: string) =>
      (
        await http.request({
          method: 'POST',
          path,
          body: { json: { [field]: address, description } },
          schema: item,
          operation: `add ${noun}`,
        })
      ).data,
  };
}

/**
 * Organization users, OAuth grants and clients, integration secrets and the API access allow-list
 * (docs/providers/telnyx.md). A user is removed with `POST /organizations/users/{id}/actions/remove`;
 * an OAuth client is named by its `client_id`.
 */
export function createAccountAccessApis(http: ProviderHttp) {
  return {
    organizationUsers: listRemove(
      http,
      '/organizations/users',
      'organization user',
      organizationUserSchema,
      250,
      {
        removeSuffix: '/actions/remove',
      },
    ),
    oauthGrants: listRemove(http, '/oauth_grants', 'OAuth grant', oauthGrantSchema, 100),
    oauthClients: listRemove(http, '/oauth_clients', 'OAuth client', oauthClientSchema, 100, {
      idKeys: ['client_id'],
    }),
    // The spec names no maximum here; its schema's example size is 25.
    integrationSecrets: listRemove(
      http,
      '/integration_secrets',
      'integration secret',
      integrationSecretSchema,
      25,
    ),
    accessIpAddresses: accessList(
      http,
      '/access_ip_address',
      'access IP address',
      'ip_address',
      accessIpAddressSchema,
    ),
    accessIpRanges: accessList(
      http,
      '/access_ip_ranges',
      'access IP range',
      'cidr_block',
      accessIpRangeSchema,
    ),
  };
}

export type AccountAccessApis = ReturnType<typeof createAccountAccessApis>;
