// The Web API settings every Slack client shares: the bot's WebClient and Socket Mode's own.
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../../config/config.js';

/**
 * SLACK_API_URL and the one retry policy (10 retries over up to 30 minutes, honouring Retry-After),
 * for the bot's calls and for `apps.connections.open` alike. A fresh object each call: the Socket
 * Mode client writes into the options it is given.
 */
export function slackClientOptions(config: Config, retries = 10): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries, factor: 1.96821, randomize: true, maxRetryTime: 30 * 60 * 1000 },
  };
}
