import { createServer, type Server } from 'node:http';
import type { Logger } from '../util/logger.js';
import { type Route, sendJson } from './routes.js';

/** Serves plain routes on node:http (used when Bolt's receiver is not the one listening). */
export async function serveRoutes(
  routes: readonly Route[],
  options: { port: number; host: string; logger: Logger },
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
      options.logger.error({ err: (err as Error).message, path }, 'route failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
