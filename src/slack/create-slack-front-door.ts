/** The Slack front door: the Bolt app, its listeners and the cards, over the use cases app/ hands in. */
import type { Server } from 'node:http';
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
import type { HttpRoute } from './http-route.js';
import { createAfterAckQueue } from './listeners/answer.js';
import { type AckMetrics, ackTimer, markReceived } from './measure-acks.js';
import { registerListeners } from './register-listeners.js';

/** What the front door needs from the engine the composition root started. */
export interface FrontDoorDeps {
  /** What every use case is called with. */
  deps: UseCaseDeps;
  /** Plain routes served on Bolt's port (`/healthz`, `/metrics`). */
  routes: readonly HttpRoute[];
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
  /** Starts receiving (HTTP on HOST:PORT, or Socket Mode); resolves with the URL or `socket-mode`. */
  listen(): Promise<string>;
  /** Stops receiving and lets cards being drawn finish (up to 5 s). The engine is not stopped. */
  stop(): Promise<void>;
}

export function createSlackFrontDoor(
  config: Config,
  logger: Logger,
  engine: FrontDoorDeps,
  options: SlackFrontDoorOptions = {},
): SlackFrontDoor {
  const app = createSlackApp(config, logger, engine.routes, options);
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
    async listen() {
      if (config.slack.socketMode) {
        await app.start();
        return 'socket-mode';
      }
      const server = (await app.start({ port: config.port, host: config.host })) as Server;
      const address = server.address();
      return `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
    },
    async stop() {
      await app.stop().catch(() => undefined);
      // Cards still being drawn get up to 5 s; the timer must not keep the process alive after.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([cards.idle(), new Promise((r) => (timer = setTimeout(r, 5_000)))]);
      clearTimeout(timer);
      cards.stop();
      await gateway.pacer.stop();
    },
  };
}
