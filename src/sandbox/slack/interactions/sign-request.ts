import { createHmac } from 'node:crypto';

/** How a delivery is signed; the forgeries are for the bot's 401 tests. */
export interface SignOptions {
  /** `forged`: signed with the wrong secret; `missing`: no signature header. Default `valid`. */
  signature?: 'valid' | 'forged' | 'missing';
  /** Seconds to set the request timestamp in the past (Bolt refuses more than 300). Default 0. */
  ageSec?: number;
}

/** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<raw body>`). */
export function signSlackRequest(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/** The x-slack-request-timestamp / x-slack-signature headers for a body sent now. */
export function slackSignatureHeaders(
  signingSecret: string,
  rawBody: string,
  nowMs: number,
  options: SignOptions = {},
): Record<string, string> {
  const timestampSec = Math.floor(nowMs / 1000) - (options.ageSec ?? 0);
  const headers: Record<string, string> = { 'x-slack-request-timestamp': String(timestampSec) };
  if (options.signature === 'missing') return headers;
  const secret = options.signature === 'forged' ? `${signingSecret}-forged` : signingSecret;
  headers['x-slack-signature'] = signSlackRequest(secret, timestampSec, rawBody);
  return headers;
}
