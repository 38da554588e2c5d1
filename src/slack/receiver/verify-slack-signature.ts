// Slack's request signature, checked over the exact bytes, with a timestamp window both ways.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Slack's window: a request whose timestamp is more than 5 minutes from our clock, either way, is refused. */
export const SIGNATURE_WINDOW_SEC = 300;

export type SignatureCheck =
  | { ok: true; signature: string; timestampSec: number }
  | { ok: false; problem: 'no_signature' | 'bad_timestamp' | 'outside_window' | 'signature_mismatch' };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * `x-slack-signature` must be `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<body>`), compared in
 * constant time, and `x-slack-request-timestamp` within SIGNATURE_WINDOW_SEC of `nowMs`, past or future.
 */
export function verifySlackSignature(
  secret: string,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  nowMs: number,
): SignatureCheck {
  const signature = header(headers, 'x-slack-signature');
  const stamp = header(headers, 'x-slack-request-timestamp');
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, problem: 'no_signature' };
  if (!stamp || !/^\d{1,12}$/.test(stamp)) return { ok: false, problem: 'bad_timestamp' };
  const timestampSec = Number(stamp);
  if (Math.abs(Math.floor(nowMs / 1000) - timestampSec) > SIGNATURE_WINDOW_SEC) {
    return { ok: false, problem: 'outside_window' };
  }
  const expected = createHmac('sha256', secret).update(`v0:${stamp}:`).update(rawBody).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'signature_mismatch' };
  }
  return { ok: true, signature, timestampSec };
}
