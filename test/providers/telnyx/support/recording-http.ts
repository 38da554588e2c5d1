import type {
  HttpMethod,
  HttpRequest,
  HttpResponse,
  ProviderHttp,
} from '../../../../src/providers/http/types.js';

export interface RecordedRequest {
  method: HttpMethod;
  path: string;
  /** Only the keys with a defined value: what would go on the wire. */
  query: Record<string, string>;
  body: unknown;
  operation: string;
  /** What the request's schema made of the canned response. */
  parsed: unknown;
}

/**
 * A `ProviderHttp` that records every request and answers from `respond`, parsed with the
 * request's own schema, so a response that does not fit the schema fails the test.
 */
export function createRecordingHttp(respond: (req: HttpRequest<unknown>) => unknown): {
  http: ProviderHttp;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const http: ProviderHttp = {
    provider: 'telnyx',
    async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.query ?? {})) {
        if (value !== undefined) query[key] = String(value);
      }
      const body = req.body && 'json' in req.body ? req.body.json : req.body;
      const data = req.schema.parse(respond(req as HttpRequest<unknown>));
      requests.push({
        method: req.method,
        path: req.path,
        query,
        body,
        operation: req.operation,
        parsed: data,
      });
      return { status: 200, data, headers: new Headers(), requestId: undefined };
    },
  };
  return { http, requests };
}
