import type { z } from 'zod';
import type { Listing, RecordsContext } from '../http/tolerant-records.js';
import type { HttpRequest, ProviderHttp } from '../http/types.js';
import { resourcePath } from './resource-path.js';
import { noContent, resultRecords } from './schemas/common.js';

/** How `operation` names a record that does not parse: by the first of `idKeys` it has. */
export function ctxOf(http: ProviderHttp, operation: string, idKeys: readonly string[]): RecordsContext {
  return { provider: http.provider, operation, idKeys };
}

/** One request; its body as `req.schema` read it. */
export async function call<T>(http: ProviderHttp, req: HttpRequest<T>): Promise<T> {
  return (await http.request(req)).data;
}

/** `GET path` answered with `{ result: [...] }` (one page), each record read on its own. */
export async function getResults<T>(
  http: ProviderHttp,
  path: string,
  operation: string,
  item: z.ZodType<T>,
  idKeys: readonly string[],
  query?: HttpRequest<T>['query'],
): Promise<Listing<T>> {
  const schema = resultRecords(item, ctxOf(http, operation, idKeys));
  return (await call(http, { method: 'GET', path, query, schema, operation })).result;
}

/** `DELETE collection/{id}` (204); `shownPath` is what logs and errors show when the id is a secret. */
export async function deleteById(
  http: ProviderHttp,
  collection: string,
  id: string | number,
  operation: string,
  shownPath?: string,
): Promise<void> {
  const path = resourcePath(collection, id);
  await http.request({ method: 'DELETE', path, shownPath, schema: noContent, operation });
}
