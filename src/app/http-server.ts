import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../util/logger.js';
import { type Route, sendJson } from './routes.js';

export interface ServeOptions {
  port: number;
  host: string;
  logger: Logger;
  /** What answers a request no route matches (the Slack front door's `/slack/events`); else 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface ServedRoutes {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves plain routes on node:http, and hands every other request to `fallback` when there is one. */
export async function serveRoutes(routes: readonly Route[], options: ServeOptions): Promise<ServedRoutes> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      if (options.fallback) options.fallback(req, res);
      else sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
      options.logger.error({ err: (err as Error).message, path }, 'route failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.end();
    });
  });
  // A client that opens a connection and sends nothing is dropped (node:http's defaults are 300 s / none).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
