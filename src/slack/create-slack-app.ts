import { App, HTTPReceiver } from '@slack/bolt';
import type { Config } from '../config/config.js';
import type { Logger } from '../util/logger.js';
import { boltLogger } from './bolt-logger.js';
import { guardSlackRequests, type RequestListener } from './receiver/guard-slack-requests.js';
import { SLACK_BODY_LIMIT } from './receiver/read-capped-body.js';
import { slackClientOptions } from './receiver/slack-client-options.js';
import { createSocketModeReceiver, type SocketConnection } from './receiver/socket-mode-receiver.js';

export interface SlackAppOptions {
  /** Web API retries: the one layer that retries a 429 (honouring Retry-After). */
  retries?: number;
  /** Skip auth.test at start (tests that know the bot's ids). */
  botIds?: { botId: string; botUserId: string };
  /** Socket Mode: how long the socket may be down before /healthz turns red. Default 30 s. */
  reconnectBudgetMs?: number;
}

export interface SlackApp {
  app: App;
  /** HTTP mode: the guarded POST /slack/events handler, for the server app/ runs. */
  events?: RequestListener;
  /** Socket Mode: the WebSocket to Slack (started by `app.start()`). */
  socket?: SocketConnection;
}

/**
 * Bolt 5 in Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode. Bolt serves no port itself:
 * in HTTP mode its HTTPReceiver gets only the requests `guardSlackRequests` let through, from the
 * server the composition root runs (with `/healthz` and `/metrics`); in Socket Mode the socket's
 * `apps.connections.open` goes to SLACK_API_URL with the Web API client's retry policy.
 */
export function createSlackApp(config: Config, logger: Logger, options: SlackAppOptions = {}): SlackApp {
  const common = {
    token: config.slack.botToken,
    logger: boltLogger(logger),
    clientOptions: slackClientOptions(config, options.retries),
    ...(options.botIds ?? {}),
  };
  if (config.slack.socketMode) {
    const { receiver, socket } = createSocketModeReceiver({
      appToken: config.slack.appToken ?? '',
      logger,
      clientOptions: slackClientOptions(config, options.retries),
      ...(options.reconnectBudgetMs !== undefined ? { reconnectBudgetMs: options.reconnectBudgetMs } : {}),
    });
    return { app: new App({ ...common, receiver }), socket };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? '',
    logger: common.logger,
    processBeforeResponse: false,
    bodyLimit: SLACK_BODY_LIMIT,
  });
  const app = new App({ ...common, receiver });
  const events = guardSlackRequests({
    signingSecret: config.slack.signingSecret ?? '',
    logger,
    handOff: receiver.requestListener,
  });
  return { app, events };
}
