// Process-level net: a promise rejected with no handler (a library's, e.g. Bolt's) is logged, and the process goes on.
import type { Logger } from '../util/logger.js';

/**
 * Node ends the process on an unhandled rejection; one request a library mishandles must not take
 * every open incident down with it. Logged at error with the reason's name, code and message.
 * Returns a function that removes the handler.
 */
export function logUnhandledRejections(logger: Logger): () => void {
  const onRejection = (reason: unknown) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.error(
      { name: err.name, code: (err as { code?: unknown }).code, err: err.message },
      'unhandled promise rejection: logged, the process goes on',
    );
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
