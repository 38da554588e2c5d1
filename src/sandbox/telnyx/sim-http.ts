/** One request as the simulator sees it, whichever way it arrived (in-process fetch or HTTP). */
export interface SimRequest {
  method: string;
  /** Relative to `/v2`, e.g. `/credential_connections/123`. */
  path: string;
  query?: URLSearchParams | Record<string, string>;
  /** The parsed JSON body, if any. */
  body?: unknown;
  /** Set by a transport whose body did not parse as JSON: the answer is a 400. */
  malformedBody?: boolean;
  headers?: Headers | Record<string, string | undefined>;
  /** Aborting it releases a hanging request. */
  signal?: AbortSignal;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value; `undefined` means no body. */
  body: unknown;
}

export interface TelnyxErrorItem {
  code: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: { url: string };
}

function item(
  code: string,
  title: string,
  detail: string,
  source?: TelnyxErrorItem['source'],
): TelnyxErrorItem {
  const out: TelnyxErrorItem = { code, title, detail };
  if (source) out.source = source;
  out.meta = { url: `https://developers.telnyx.com/docs/overview/errors/${code}` };
  return out;
}

/** A response in Telnyx's error envelope, `{ errors: [{ code, title, detail, source, meta }] }`. */
export function errorResponse(status: number, errors: TelnyxErrorItem[]): SimResponse {
  return { status, headers: {}, body: { errors } };
}

/** The error bodies the simulator sends; codes and titles as in the spec's examples. */
export const telnyxErrors = {
  unauthorized: (): SimResponse =>
    errorResponse(401, [
      item(
        '10009',
        'Authentication failed',
        'The required authentication headers were either invalid or not included in the request.',
      ),
    ]),
  notFound: (): SimResponse =>
    errorResponse(404, [
      item('10005', 'Resource not found', 'The requested resource or URL could not be found.'),
    ]),
  missingField: (field: string): SimResponse =>
    errorResponse(422, [
      item('10004', 'Missing required parameter', `The '${field}' parameter is required.`, {
        pointer: `/${field.replaceAll('.', '/')}`,
      }),
    ]),
  invalidField: (field: string, detail: string): SimResponse =>
    errorResponse(422, [item('10015', 'Bad Request', detail, { pointer: `/${field.replaceAll('.', '/')}` })]),
  badParameter: (parameter: string, detail: string): SimResponse =>
    errorResponse(400, [item('10015', 'Bad Request', detail, { parameter })]),
  malformedBody: (): SimResponse =>
    errorResponse(400, [item('10015', 'Bad Request', 'The request body is not valid JSON.')]),
  tooManyRequests: (): SimResponse =>
    errorResponse(429, [
      {
        code: '10011',
        title: 'Too many requests',
        detail: 'You have exceeded the maximum number of allowed requests.',
      },
    ]),
  serverError: (status: number): SimResponse =>
    errorResponse(status, [item('10007', 'Unexpected error', 'An unexpected error occurred.')]),
};

export function jsonResponse(status: number, body: unknown): SimResponse {
  return { status, headers: {}, body };
}
