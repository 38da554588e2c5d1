import type { SimResponse } from '../telnyx/sim-http.js';

export type { SimResponse } from '../telnyx/sim-http.js';

/** One request as the simulator sees it, whichever way it arrived (in-process fetch or HTTP). */
export interface TwilioSimRequest {
  method: string;
  /** From the root, e.g. `/2010-04-01/Accounts/AC…/Keys.json` or `/v1/AuthTokens/Promote`. */
  path: string;
  query?: URLSearchParams;
  /** The body, read as `application/x-www-form-urlencoded` (the only kind Twilio's writes take). */
  form?: URLSearchParams;
  headers?: Headers | Record<string, string | undefined>;
  /** Aborting it releases a hanging request. */
  signal?: AbortSignal;
}

/** A response in Twilio's error shape, `{ code, message, more_info, status }`. */
export function twilioError(status: number, code: number, message: string): SimResponse {
  return {
    status,
    headers: {},
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

/**
 * The error bodies the simulator sends. 20003, 20404, 20429 and 21502 are Twilio's documented
 * codes for these cases; Twilio documents no code for the other refusals, so the simulator uses
 * 20001 for a bad parameter and 20500 for its injected server errors.
 */
export const twilioErrors = {
  unauthorized: (): SimResponse => twilioError(401, 20003, 'Authenticate'),
  notFound: (path: string): SimResponse =>
    twilioError(404, 20404, `The requested resource ${path} was not found`),
  tooManyRequests: (): SimResponse => twilioError(429, 20429, 'Too Many Requests'),
  badParameter: (message: string): SimResponse => twilioError(400, 20001, message),
  badUrl: (field: string): SimResponse =>
    twilioError(400, 21502, `${field} is not valid: it must be a fully qualified http(s) URL or empty`),
  serverError: (status: number): SimResponse => twilioError(status, 20500, 'Internal Server Error'),
};

export function jsonResponse(status: number, body: unknown): SimResponse {
  return { status, headers: {}, body };
}

/** `204 No Content`, the answer to a delete. */
export function noContent(): SimResponse {
  return { status: 204, headers: {}, body: undefined };
}
