import type { SimResponse } from '../telnyx/sim-http.js';

export type { SimRequest, SimResponse } from '../telnyx/sim-http.js';

/** A response in SendGrid's error envelope, `{ errors: [{ field, message }] }` (spec `ErrorResponse`). */
export function sendgridError(status: number, message: string, field: string | null = null): SimResponse {
  return { status, headers: {}, body: { errors: [{ field, message }] } };
}

/** The error bodies the simulator sends; messages as in the spec's examples where it has them. */
export const sendgridErrors = {
  unauthorized: () => sendgridError(401, 'authorization required'),
  forbidden: () => sendgridError(403, 'access forbidden'),
  notFound: (what = 'resource not found') => sendgridError(404, what),
  badRequest: (message: string, field: string | null = null) => sendgridError(400, message, field),
  malformedBody: () => sendgridError(400, 'Bad Request: the body is not valid JSON'),
  tooManyRequests: () => sendgridError(429, 'too many requests'),
  serverError: (status: number) => sendgridError(status, 'internal server error'),
};

export function json(status: number, body: unknown): SimResponse {
  return { status, headers: {}, body };
}

export const NO_CONTENT: SimResponse = { status: 204, headers: {}, body: undefined };
