import { normaliseError } from '../../domain/errors.js';
import type { Logger } from '../../util/logger.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import type { SlackMessage } from '../blocks/types.js';

/** How a listener answers the person who clicked or typed: only they see it. */
export type Reply = (message: SlackMessage) => Promise<void>;

export const STORAGE_UNAVAILABLE =
  "Reclaim's storage is unavailable right now, so nothing was changed. Try again in a minute; the team running Reclaim has been alerted in its logs.";

/**
 * Runs a listener's work after the ack; whatever goes wrong becomes one sentence to the user and
 * a log line with the code, never an unhandled rejection.
 */
export async function answerErrors(
  logger: Logger,
  reply: Reply,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (err) {
    const e = normaliseError(err);
    const code = e.code;
    logger.error({ what, code, err: (err as Error).message }, `${what} failed`);
    const message =
      code === 'storage_unavailable'
        ? STORAGE_UNAVAILABLE
        : code !== 'internal_error'
          ? e.message
          : `Something went wrong while handling ${what}; nothing further was done. The error is in Reclaim's log (${code}).`;
    await reply(buildRefusal(message)).catch((replyErr: unknown) =>
      logger.warn({ err: (replyErr as Error).message }, 'could not tell the user about the failure'),
    );
  }
}

/**
 * Runs the work that follows an ack, a few at a time (one on PGlite, whose queries run on this
 * thread), yielding to the event loop's I/O phase before each: requests that have already arrived
 * are read and acked before more database work starts, so a burst of clicks never delays an ack.
 */
export function createAfterAckQueue(concurrency: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));
  return async (work) => {
    await yieldToIo();
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      const next = waiting.shift();
      if (next) setImmediate(next);
    }
  };
}
