/** `/v3/teammates/pending/{token}`: the one SendGrid path that carries a secret. */
const PENDING_INVITE = /(\/teammates\/pending\/)[^/?#]+/g;

/**
 * A request path as a log may show it: a pending invitation's token (whoever holds it can accept
 * the invitation, so plans and cards name it by `inviteRef`) is blanked. The HTTP client logs
 * every request's path, including a retried or failed cancellation, while the invitation is still
 * live. Anything but a string is returned as it is (a pino serializer for `path`).
 */
export function loggableSendgridPath(path: unknown): unknown {
  return typeof path === 'string' ? path.replace(PENDING_INVITE, '$1[redacted]') : path;
}
