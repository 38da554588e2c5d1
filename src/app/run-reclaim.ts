import { type Config, loadConfig, readEnvironment } from '../config/config.js';
import { ConfigError, ReclaimError } from '../domain/errors.js';
import { createLogger, type Logger } from '../util/logger.js';
import { startEngine } from './boot.js';
import { serveRoutes } from './http-server.js';
import { logUnhandledRejections } from './log-unhandled-rejections.js';
import { startFrontDoor } from './start-front-door.js';

/** How long SIGTERM may take: container runtimes send SIGKILL 10 s after it. */
export const STOP_DEADLINE_MS = 9_000;

/**
 * Starts Reclaim and resolves with the exit code once it has stopped (SIGTERM/SIGINT). A mistake
 * in the configuration or an unreachable database is one clear message and exit code 2 or 1,
 * never a stack trace.
 */
export async function runReclaim(processEnv: NodeJS.ProcessEnv): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(readEnvironment(processEnv));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`reclaim: ${err.message}\nSee .env.example for every variable and its format.\n`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  logUnhandledRejections(logger);
  try {
    const running = await startFrontDoor(config, logger);
    await waitForSignal(logger);
    // Stopping waits for the current job and the last card redraws, never for Slack: the WebClient
    // retries an unreachable Slack for minutes, so past the deadline the process ends regardless.
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs: STOP_DEADLINE_MS }, 'stopping took too long: exiting now');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    await running.stop();
    clearTimeout(deadline);
    logger.info('stopped');
    return 0;
  } catch (err) {
    if (err instanceof ReclaimError) {
      logger.fatal({ code: err.code }, err.message);
      process.stderr.write(`reclaim: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function waitForSignal(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping: finishing or releasing the current job');
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      resolve();
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
}

export { serveRoutes, startEngine };
