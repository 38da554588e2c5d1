import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain HTTP route (`/healthz`, `/metrics`), served by app/'s own server (see serveRoutes). */
export interface Route {
  path: string;
  method: 'GET' | 'POST';
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export interface HealthProbe {
  database(): Promise<boolean>;
  worker(): boolean;
  /** Whether Slack reaches the bot (Socket Mode: the socket is up, or down less than its budget). */
  slack?(): boolean;
}

export const HEALTH_PATH = '/healthz';

/** `/healthz`: 200 when the database answers, the worker loop is alive and Slack reaches the bot; 503 otherwise. */
export function healthRoute(probe: HealthProbe): Route {
  return {
    path: HEALTH_PATH,
    method: 'GET',
    async handler(_req, res) {
      const database = await probe.database();
      const worker = probe.worker();
      const slack = probe.slack?.() ?? true;
      const ok = database && worker && slack;
      sendJson(res, ok ? 200 : 503, { ok, database, worker, ...(probe.slack ? { slack } : {}) });
    },
  };
}
