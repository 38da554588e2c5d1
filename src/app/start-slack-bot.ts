/** The product with a Slack front door: the engine first, then Slack over its use cases, then resume. */
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import type { PlaybookRuntime } from '../incidents/deps.js';
import {
  createSlackFrontDoor,
  type SlackFrontDoor,
  type SlackFrontDoorOptions,
} from '../slack/create-slack-front-door.js';
import type { Logger } from '../util/logger.js';
import { type Engine, startEngine } from './boot.js';
import { lateNotifier } from './late-notifier.js';
import type { Metrics } from './metrics.js';
import type { Running } from './running.js';

export interface SlackBot extends Running {
  engine: Engine;
  slack: SlackFrontDoor;
}

export interface SlackBotOptions extends SlackFrontDoorOptions {
  leaseMs?: number;
  /** An open database to use instead of the configured one (tests, Reclaim Local); not closed on stop. */
  db?: Db;
  metrics?: Metrics;
}

/**
 * Engine (database, migrations, use cases, worker) → the Slack front door handed the use cases'
 * deps, the engine's routes and the worker's wake-up → cards drawn for the engine's changes →
 * listening → every open incident resumed.
 */
export async function startSlackBot(
  config: Config,
  logger: Logger,
  playbooks: PlaybookRuntime,
  options: SlackBotOptions = {},
): Promise<SlackBot> {
  const { leaseMs, db, metrics, ...slackOptions } = options;
  const notifier = lateNotifier();
  const engine = await startEngine(config, logger, {
    playbooks,
    notifier,
    leaseMs: leaseMs ?? config.jobLeaseMs,
    ...(db ? { db } : {}),
    ...(metrics ? { metrics } : {}),
  });
  let slack: SlackFrontDoor | undefined;
  try {
    slack = createSlackFrontDoor(
      config,
      logger,
      {
        deps: engine.deps,
        routes: engine.routes,
        wakeWorker: () => engine.worker.notify(),
        afterAckConcurrency: engine.db.kind === 'pglite' ? 1 : 2,
        ...(metrics ? { metrics } : {}),
      },
      slackOptions,
    );
    notifier.bind(slack.cards);
    const url = await slack.listen();
    await engine.resume();
    logger.info(
      { url, mode: config.slack.socketMode ? 'socket' : 'http', database: engine.db.kind },
      'Reclaim is ready',
    );
    const door = slack;
    return {
      url,
      engine,
      slack: door,
      async stop() {
        await door.stop();
        await engine.stop();
      },
    };
  } catch (err) {
    await slack?.stop().catch(() => undefined);
    await engine.stop().catch(() => undefined);
    throw err;
  }
}
