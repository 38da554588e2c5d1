// A ProviderHttp answered in-process from canned bodies, parsed exactly as the real client parses them.
import { parseBody } from '../../../src/providers/http/parse-body.js';
import type { HttpRequest, HttpResponse, ProviderHttp } from '../../../src/providers/http/types.js';

/** The body to answer `req` with (`undefined`: an empty 204). */
export type Answer = (req: HttpRequest<unknown>) => unknown;

/**
 * A `ProviderHttp` for `provider` whose every request gets `answer(req)` as a 200 (204 when
 * undefined), run through `parseBody`: a body that does not fit the request's schema is the same
 * `provider_bad_response` the real client throws.
 */
export function fuzzHttp(provider: string, answer: Answer): ProviderHttp {
  return {
    provider,
    async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
      const body = answer(req as HttpRequest<unknown>);
      const status = body === undefined ? 204 : 200;
      const data = parseBody(body === undefined ? '' : JSON.stringify(body), req.schema, {
        provider,
        operation: req.operation,
        method: req.method,
        path: req.path,
        status,
        requestId: null,
      });
      return { status, data, headers: new Headers(), requestId: undefined };
    },
  };
}
