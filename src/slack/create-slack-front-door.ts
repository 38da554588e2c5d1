/** The Slack front door: the Bolt app, its listeners and the cards, over the use cases app/ hands in. */
import type { App } from '@slack/bolt';
import type { Config } from '../config/config.js';
import type { UseCaseDeps } from '../incidents/deps.js';
import type { Logger } from '../util/logger.js';
import type { SlackContext } from './cards/card-context.js';
import { type CardDrawer, createCardDrawer } from './cards/card-drawer.js';
import { createSlackApp, type SlackAppOptions } from './create-slack-app.js';
import { approverGroupActors } from './gateway/approver-group.js';
import { createSlackGateway, type SlackGateway } from './gateway/slack-gateway.js';
import type { PacerOptions } from './gateway/slack-pacer.js';
import { createAfterAckQueue } from './listeners/answer.js';
import { type AckMetrics, ackTimer, markReceived } from './measure-acks.js';
import { dedupeStart } from './receiver/dedupe-start.js';
import type { RequestListener } from './receiver/guard-slack-requests.js';
import { registerListeners } from './register-listeners.js';

/** What the front door needs from the engine the composition root started. */
export interface FrontDoorDeps {
  /** What every use case is called with. */
  deps: UseCaseDeps;
  /** Wakes the job worker after a use case queued work. */
  wakeWorker(): void;
  /** How many listeners run their after-ack work at once (1 on PGlite, whose queries share this thread). */
  afterAckConcurrency: number;
  metrics?: AckMetrics;
}

export interface SlackFrontDoorOptions extends SlackAppOptions {
  pacing?: PacerOptions;
}

export interface SlackFrontDoor {
  app: App;
  /** Draws the cards; it is the notifier the use cases tell about changes. */
  cards: CardDrawer;
  gateway: SlackGateway;
  /** HTTP mode: the guarded POST /slack/events handler; app/ serves it beside `/healthz`. */
  events?: RequestListener;
  /** Whether Slack reaches the bot: always in HTTP mode; in Socket Mode, unless the socket has been down past its budget. */
  reachable(): boolean;
  /** Starts receiving: Socket Mode connects (resolves once Slack said hello); HTTP mode has nothing to start. */
  listen(): Promise<void>;
  /**
   * Closes the socket (Socket Mode; in HTTP mode app/ closes its server first) and lets cards being
   * drawn finish (up to 5 s). The engine is not stopped.
   */
  stop(): Promise<void>;
}

export function createSlackFrontDoor(
  config: Config,
  logger: Logger,
  engine: FrontDoorDeps,
  options: SlackFrontDoorOptions = {},
): SlackFrontDoor {
  const { app, events, socket } = createSlackApp(config, logger, options);
  const gateway = createSlackGateway(app.client, {
    logger,
    pacing: options.pacing ?? { timeScale: config.slack.pace },
  });
  const ctx: SlackContext = {
    deps: engine.deps,
    gateway,
    config,
    logger,
    actorOf: approverGroupActors(gateway, config.approverGroup, logger),
    wakeWorker: engine.wakeWorker,
    acked: ackTimer(engine.metrics),
    afterAck: createAfterAckQueue(engine.afterAckConcurrency),
  };
  const cards = createCardDrawer(ctx);
  app.use(markReceived());
  app.use(dedupeStart({ logger, now: () => engine.deps.now().getTime() }));
  registerListeners(app, ctx, cards);
  app.error(async (err) => {
    logger.error(
      { code: (err as { code?: string }).code, err: err.message },
      'unhandled error in a Slack listener',
    );
  });
  return {
    app,
    cards,
    gateway,
    ...(events ? { events } : {}),
    reachable: () => socket?.isHealthy() ?? true,
    async listen() {
      if (socket) await app.start();
    },
    async stop() {
      if (socket) await app.stop().catch(() => undefined);
      // Cards still being drawn get up to 5 s; the timer must not keep the process alive after.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([cards.idle(), new Promise((r) => (timer = setTimeout(r, 5_000)))]);
      clearTimeout(timer);
      cards.stop();
      await gateway.pacer.stop();
    },
  };
}
