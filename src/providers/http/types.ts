import type { ZodType } from 'zod';

/** The seam every provider request goes through: real `fetch`, nock, or a simulator in-process. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequest<T> {
  method: HttpMethod;
  /** Relative to the provider's base URL, e.g. `/credential_connections`. */
  path: string;
  /**
   * The path as logs and errors show it, when `path` carries a secret (a SendGrid invitation
   * token): e.g. `/v3/teammates/pending/[redacted]`. Default: `path`.
   */
  shownPath?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: { json: unknown } | { form: Record<string, string | undefined> };
  /** The response body's shape; an unexpected shape is a `provider_bad_response` naming the field. */
  schema: ZodType<T>;
  /** What the request does, for errors and logs: `list credential connections`. */
  operation: string;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  requestId: string | undefined;
}

export interface ProviderHttp {
  readonly provider: string;
  request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>>;
}
