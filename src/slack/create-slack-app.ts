import { App } from '@slack/bolt';
import type { Config } from '../config/config.js';
import type { Logger } from '../util/logger.js';
import { boltLogger } from './bolt-logger.js';
import type { HttpRoute } from './http-route.js';

export interface SlackAppOptions {
  /** Web API retries: the one layer that retries a 429 (honouring Retry-After). */
  retries?: number;
  /** Skip auth.test at start (tests that know the bot's ids). */
  botIds?: { botId: string; botUserId: string };
}

/**
 * Bolt 5 in Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode on `/slack/events`; `/healthz`
 * and `/metrics` are served on the same port in both modes.
 */
export function createSlackApp(
  config: Config,
  logger: Logger,
  routes: readonly HttpRoute[],
  options: SlackAppOptions = {},
): App {
  const customRoutes = routes.map((r) => ({ path: r.path, method: [r.method], handler: r.handler }));
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: {
      retries: options.retries ?? 10,
      factor: 1.96821,
      randomize: true,
      maxRetryTime: 30 * 60 * 1000,
    },
  };
  const common = {
    token: config.slack.botToken,
    logger: boltLogger(logger),
    customRoutes,
    clientOptions,
    ...(options.botIds ?? {}),
  };
  if (config.slack.socketMode) {
    return new App({
      ...common,
      appToken: config.slack.appToken,
      socketMode: true,
      installerOptions: { port: config.port },
    });
  }
  return new App({ ...common, signingSecret: config.slack.signingSecret, processBeforeResponse: false });
}
