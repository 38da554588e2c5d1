import type { ZodType } from 'zod';
import type { HttpMethod, ProviderHttp } from '../http/types.js';
import { dataEnvelope } from './schemas/common.js';

export interface DataRequest<T> {
  method: HttpMethod;
  path: string;
  operation: string;
  item: ZodType<T>;
  /** A JSON body; never logged by the client (it may hold a new password). */
  body?: Record<string, unknown>;
}

/** One request whose response is `{ data: T }`; returns `data`, parsed. */
export async function requestData<T>(http: ProviderHttp, req: DataRequest<T>): Promise<T> {
  const res = await http.request({
    method: req.method,
    path: req.path,
    ...(req.body === undefined ? {} : { body: { json: req.body } }),
    schema: dataEnvelope(req.item),
    operation: req.operation,
  });
  return res.data.data;
}
