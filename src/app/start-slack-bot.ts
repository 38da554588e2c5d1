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
import { healthRoute } from './routes.js';
import type { Running } from './running.js';
import { type SlackHttp, serveSlackHttp } from './serve-slack-http.js';

export interface SlackBot extends Running {
  engine: Engine;
  slack: SlackFrontDoor;
  /** Where `/metrics` answers, when it is served (see serveSlackHttp). */
  metricsUrl?: string;
}

export interface SlackBotOptions extends SlackFrontDoorOptions {
  leaseMs?: number;
  /** An open database to use instead of the configured one (tests, Reclaim Local); not closed on stop. */
  db?: Db;
  metrics?: Metrics;
}

/**
 * Engine (database, migrations, use cases, worker) → the Slack front door handed the use cases'
 * deps and the worker's wake-up → cards drawn for the engine's changes → our HTTP server on
 * HOST:PORT (`/healthz`, in HTTP mode `/slack/events`, `/metrics` on loopback) → in Socket Mode the
 * socket to Slack → every open incident resumed.
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
  let http: SlackHttp | undefined;
  try {
    const door = createSlackFrontDoor(
      config,
      logger,
      {
        deps: engine.deps,
        wakeWorker: () => engine.worker.notify(),
        afterAckConcurrency: engine.db.kind === 'pglite' ? 1 : 2,
        ...(metrics ? { metrics } : {}),
      },
      slackOptions,
    );
    slack = door;
    notifier.bind(door.cards);
    const health = healthRoute({
      database: () => engine.db.ping(),
      worker: () => engine.worker.isAlive(),
      ...(config.slack.socketMode ? { slack: () => door.reachable() } : {}),
    });
    const served = await serveSlackHttp(config, logger, {
      health,
      ...(metrics ? { metrics: metrics.route } : {}),
      ...(door.events ? { events: door.events } : {}),
    });
    http = served;
    await door.listen();
    await engine.resume();
    logger.info(
      { url: served.url, mode: config.slack.socketMode ? 'socket' : 'http', database: engine.db.kind },
      'Reclaim is ready',
    );
    return {
      url: served.url,
      ...(served.metricsUrl ? { metricsUrl: served.metricsUrl } : {}),
      engine,
      slack: door,
      async stop() {
        await served.close();
        await door.stop();
        await engine.stop();
      },
    };
  } catch (err) {
    await http?.close().catch(() => undefined);
    await slack?.stop().catch(() => undefined);
    await engine.stop().catch(() => undefined);
    throw err;
  }
}
