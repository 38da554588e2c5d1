// The Slack bot's HTTP: HOST:PORT for /healthz (and /slack/events in HTTP mode); /metrics only on loopback.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import { isLoopbackHost } from '../config/local-mode.js';
import type { Logger } from '../util/logger.js';
import { type ServedRoutes, serveRoutes } from './http-server.js';
import type { Route } from './routes.js';

export interface SlackHttp {
  /** `http://HOST:PORT`. */
  url: string;
  /** Where `/metrics` answers, when it is served. */
  metricsUrl?: string;
  close(): Promise<void>;
}

export interface SlackHttpParts {
  health: Route;
  metrics?: Route;
  /** HTTP mode: the Slack front door's guarded POST /slack/events. */
  events?: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * `/metrics` tells anyone who reaches it which accounts are being remediated and how far, so it is
 * never on a public interface by default: with METRICS_PORT it has its own listener on
 * METRICS_HOST (127.0.0.1 unless set); without, it sits beside `/healthz` only when HOST is loopback.
 */
export async function serveSlackHttp(
  config: Config,
  logger: Logger,
  parts: SlackHttpParts,
): Promise<SlackHttp> {
  const own = config.metrics.port !== undefined;
  const beside = Boolean(parts.metrics) && !own && isLoopbackHost(config.host);
  if (parts.metrics && !own && !beside) {
    logger.warn(
      { host: config.host },
      '/metrics is not served on a HOST that is not loopback: set METRICS_PORT to serve it on METRICS_HOST (default 127.0.0.1)',
    );
  }
  const main = await serveRoutes([parts.health, ...(beside && parts.metrics ? [parts.metrics] : [])], {
    port: config.port,
    host: config.host,
    logger,
    ...(parts.events ? { fallback: parts.events } : {}),
  });
  let metrics: ServedRoutes | undefined;
  try {
    if (own && parts.metrics) {
      metrics = await serveRoutes([parts.metrics], {
        port: config.metrics.port ?? 0,
        host: config.metrics.host,
        logger,
      });
    }
  } catch (err) {
    await main.close();
    throw err;
  }
  const metricsUrl = metrics?.url ?? (beside ? main.url : undefined);
  return {
    url: main.url,
    ...(metricsUrl ? { metricsUrl } : {}),
    async close() {
      await Promise.all([main.close(), metrics?.close()]);
    },
  };
}
