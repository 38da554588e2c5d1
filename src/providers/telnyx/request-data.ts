import type { ZodType } from 'zod';
import { withRequestedId } from '../http/tolerant-records.js';
import type { HttpMethod, ProviderHttp } from '../http/types.js';
import { dataEnvelope } from './schemas/common.js';

export interface DataRequest<T> {
  method: HttpMethod;
  path: string;
  operation: string;
  item: ZodType<T>;
  /** The id the path names: an answer that leaves `id` out is read as that resource's. */
  id?: string;
  /** A JSON body; never logged by the client (it may hold a new password). */
  body?: Record<string, unknown>;
}

/** One request whose response is `{ data: T }`; returns `data`, parsed. */
export async function requestData<T>(http: ProviderHttp, req: DataRequest<T>): Promise<T> {
  const res = await http.request({
    method: req.method,
    path: req.path,
    ...(req.body === undefined ? {} : { body: { json: req.body } }),
    schema: dataEnvelope(req.id === undefined ? req.item : withRequestedId(req.item, 'id', req.id)),
    operation: req.operation,
  });
  return res.data.data;
}
