// Reads a request body up to a byte limit, refusing larger ones before anything is parsed.
import type { IncomingMessage } from 'node:http';

/** Slack's own requests are a few KB; a card's click carries the card, still far under this. */
export const SLACK_BODY_LIMIT = 64 * 1024;

export type CappedBody = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * The body as bytes, or `too_large` as soon as the declared Content-Length or the bytes received
 * pass `limit` (reading stops there: the rest is never buffered).
 */
export function readCappedBody(req: IncomingMessage, limit = SLACK_BODY_LIMIT): Promise<CappedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.resolve({ ok: false, reason: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: CappedBody) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
