import type { z } from 'zod';
import type { HttpMethod, ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';

/** `method collection/{id}<suffix>`, answered `{ data }`: a record that leaves `id` out is the one named. */
export function byId<T>(http: ProviderHttp, collection: string, item: z.ZodType<T>, suffix?: string) {
  return (method: HttpMethod, id: string, operation: string, body?: Record<string, unknown>) =>
    requestData(http, { method, path: resourcePath(collection, id, suffix), operation, item, id, body });
}

/**
 * `GET collection` (every page), `GET collection/{id}` and `PATCH collection/{id}` with the body
 * `toBody` makes of the patch: only the fields it names are sent.
 */
export function editableApi<T, P>(
  http: ProviderHttp,
  collection: string,
  noun: string,
  item: z.ZodType<T>,
  toBody: (patch: P) => Record<string, unknown>,
) {
  const one = byId(http, collection, item);
  return {
    list: () => listAll(http, { path: collection, operation: `list ${noun}s`, item }),
    get: async (id: string) => one('GET', id, `get ${noun}`),
    update: async (id: string, patch: P) => one('PATCH', id, `update ${noun}`, toBody(patch)),
  };
}

/**
 * `GET collection` (every page) with the query `toQuery` makes of the filter, and
 * `DELETE collection/{id}`, which answers 200 with the deleted record, returned.
 */
export function listDeleteApi<T, F>(
  http: ProviderHttp,
  collection: string,
  noun: string,
  item: z.ZodType<T>,
  toQuery: (filter?: F) => Record<string, string | undefined>,
) {
  return {
    list: (filter?: F) =>
      listAll(http, { path: collection, operation: `list ${noun}s`, item, query: toQuery(filter) }),
    delete: async (id: string) => byId(http, collection, item)('DELETE', id, `delete ${noun}`),
  };
}
