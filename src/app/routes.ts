import type { ServerResponse } from 'node:http';
import type { HttpRoute } from '../slack/http-route.js';

/** A plain HTTP route, served by Bolt's receiver (customRoutes) or by our own server in local mode. */
export type Route = HttpRoute;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export interface HealthProbe {
  database(): Promise<boolean>;
  worker(): boolean;
}

/** `/healthz`: 200 when the database answers and the worker loop is alive, 503 otherwise. */
export function healthRoute(probe: HealthProbe): Route {
  return {
    path: '/healthz',
    method: 'GET',
    async handler(_req, res) {
      const database = await probe.database();
      const worker = probe.worker();
      sendJson(res, database && worker ? 200 : 503, { ok: database && worker, database, worker });
    },
  };
}
