// The HTTP front of /slack/events: size cap, signature, timestamp window, replays and body shape, before Bolt.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../util/logger.js';
import { checkBodyShape } from './check-body-shape.js';
import { readCappedBody, SLACK_BODY_LIMIT } from './read-capped-body.js';
import { createReplayCache } from './replay-cache.js';
import { SIGNATURE_WINDOW_SEC, verifySlackSignature } from './verify-slack-signature.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Signatures remembered at most: ~3 MB, and more requests than Slack sends an app in 5 minutes. */
const REPLAY_CAPACITY = 20_000;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface SlackRequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  /** Where a request that passed goes (Bolt's HTTPReceiver.requestListener), its body read into `rawBody`. */
  handOff: RequestListener;
  now?: () => number;
  bodyLimit?: number;
  replayCapacity?: number;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, status === 413 ? { connection: 'close' } : {});
  res.end();
}

function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  return new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
}

/**
 * POST /slack/events, checked in this order, each refusal before anything later is read: a body
 * over 64 KB → 413 (reading stops); Slack's unsigned `ssl_check` → 200, nothing else done; a missing
 * or wrong signature, or a timestamp more than 300 s from now either way → 401; a signature seen
 * before within its window (a replay) → 401; a body not of the shape Slack sends → 400. Only then
 * is Bolt handed the request, with the bytes it verifies again and parses.
 */
export function guardSlackRequests(options: SlackRequestGuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  const log = options.logger.child({ component: 'slack-receiver' });
  const replays = createReplayCache({ capacity: options.replayCapacity ?? REPLAY_CAPACITY, now });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const read = await readCappedBody(req, options.bodyLimit ?? SLACK_BODY_LIMIT);
    if (!read.ok) {
      if (read.reason === 'aborted') return void res.destroy();
      log.warn({ limit: options.bodyLimit ?? SLACK_BODY_LIMIT }, 'refused a Slack request: body too large');
      return refuse(res, 413);
    }
    if (isSslCheck(req, read.body)) {
      res.writeHead(200);
      return void res.end();
    }
    const signed = verifySlackSignature(options.signingSecret, req.headers, read.body, now());
    if (!signed.ok) {
      log.warn({ problem: signed.problem }, 'refused a Slack request: not signed by Slack now');
      return refuse(res, 401);
    }
    if (replays.seenBefore(signed.signature, (signed.timestampSec + SIGNATURE_WINDOW_SEC) * 1000)) {
      log.warn(
        { timestamp: signed.timestampSec },
        'refused a Slack request: a replay of one already received',
      );
      return refuse(res, 401);
    }
    const shape = checkBodyShape(req.headers['content-type'], read.body);
    if (!shape.ok) {
      log.warn({ problem: shape.problem }, 'refused a Slack request: not the shape Slack sends');
      return refuse(res, 400);
    }
    Object.assign(req, { rawBody: read.body });
    options.handOff(req, res);
  }

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path !== SLACK_EVENTS_PATH || req.method !== 'POST') return refuse(res, 404);
    handle(req, res).catch((err: unknown) => {
      log.error({ err: (err as Error).message }, 'a Slack request failed before Bolt');
      if (!res.headersSent) refuse(res, 500);
      else res.end();
    });
  };
}
