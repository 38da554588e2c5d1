import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { Engine } from '../app/boot.js';
import { startEngine } from '../app/boot.js';
import type { Metrics } from '../app/metrics.js';
import type { Running } from '../app/start-front-door.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import type { PlaybookRuntime } from '../incidents/deps.js';
import type { Logger } from '../util/logger.js';
import type { SlackContext } from './cards/card-context.js';
import { type CardDrawer, createCardDrawer } from './cards/card-drawer.js';
import { createSlackApp, type SlackAppOptions } from './create-slack-app.js';
import { createSlackGateway, type SlackGateway } from './gateway/slack-gateway.js';
import type { PacerOptions } from './gateway/slack-pacer.js';
import { lateNotifier } from './late-notifier.js';
import { createAfterAckQueue } from './listeners/answer.js';
import { ackTimer, markReceived } from './measure-acks.js';
import { registerListeners } from './register-listeners.js';

export interface SlackRunning extends Running {
  app: App;
  engine: Engine;
  cards: CardDrawer;
  gateway: SlackGateway;
}

const GROUP_TTL_MS = 60_000;

/** The engine, the Bolt app and its listeners, then resume: the product with a Slack front door. */
export async function startSlack(
  config: Config,
  logger: Logger,
  playbooks: PlaybookRuntime,
  options: SlackAppOptions & { pacing?: PacerOptions; leaseMs?: number; db?: Db; metrics?: Metrics } = {},
): Promise<SlackRunning> {
  const notifier = lateNotifier();
  let gateway: SlackGateway | undefined;
  let group: { at: number; members: string[] } | null = null;
  const approverGroupMembers = async () => {
    if (!config.approverGroup || !gateway) return [];
    if (group && Date.now() - group.at < GROUP_TTL_MS) return group.members;
    try {
      group = { at: Date.now(), members: await gateway.usergroupMembers(config.approverGroup) };
    } catch (err) {
      logger.warn(
        { code: (err as { code?: string }).code },
        'approver group members could not be read; using the last known list',
      );
    }
    return group?.members ?? [];
  };
  const engine = await startEngine(config, logger, {
    playbooks,
    notifier,
    approverGroupMembers,
    leaseMs: options.leaseMs ?? config.jobLeaseMs,
    ...(options.db ? { db: options.db } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  try {
    const app = createSlackApp(config, logger, engine.routes, options);
    gateway = createSlackGateway(app.client, {
      logger,
      pacing: options.pacing ?? { timeScale: config.slack.pace },
    });
    const ctx: SlackContext = {
      deps: engine.deps,
      gateway,
      config,
      logger,
      wakeWorker: () => engine.worker.notify(),
      acked: ackTimer(options.metrics),
      afterAck: createAfterAckQueue(engine.db.kind === 'pglite' ? 1 : 2),
    };
    const cards = createCardDrawer(ctx);
    notifier.bind(cards);
    app.use(markReceived());
    registerListeners(app, ctx, cards);
    app.error(async (err) => {
      logger.error(
        { code: (err as { code?: string }).code, err: err.message },
        'unhandled error in a Slack listener',
      );
    });
    let url = 'socket-mode';
    if (config.slack.socketMode) await app.start();
    else {
      const server = (await app.start({ port: config.port, host: config.host })) as Server;
      const address = server.address();
      url = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
    }
    await engine.resume();
    logger.info(
      { url, mode: config.slack.socketMode ? 'socket' : 'http', database: engine.db.kind },
      'Reclaim is ready',
    );
    const gw = gateway;
    return {
      url,
      app,
      engine,
      cards,
      gateway: gw,
      async stop() {
        await app.stop().catch(() => undefined);
        // Cards still being drawn get up to 5 s; the timer must not keep the process alive after.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([cards.idle(), new Promise((r) => (timer = setTimeout(r, 5_000)))]);
        clearTimeout(timer);
        cards.stop();
        await gw.pacer.stop();
        await engine.stop();
      },
    };
  } catch (err) {
    await engine.stop().catch(() => undefined);
    throw err;
  }
}
