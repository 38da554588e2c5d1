import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSlackRoute, type SlackRouteDeps } from '../../../src/sandbox/slack/api/api-routes.js';
import { send } from '../../../src/sandbox/slack/api/http-io.js';

export interface ServerDeps extends SlackRouteDeps {
  /** Anything that went wrong inside the fake itself (a bug, answered with 500). */
  failures: Error[];
  /** Answers a request before the Web API does (Socket Mode's apps.connections.open); true when it did. */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** The fake's HTTP face on 127.0.0.1: the local Slack's /api/<method>, /upload/<file id>, /response/<id>. */
export async function listen(
  deps: ServerDeps,
  host: string,
  port: number,
): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    if (deps.intercept?.(req, res)) return;
    answerSlackRoute(deps, req, res)
      .then((answered) => {
        if (!answered) send(res, 404, { ok: false, error: 'not_found' });
      })
      .catch((err: unknown) => {
        deps.failures.push(err instanceof Error ? err : new Error(String(err)));
        if (!res.headersSent) send(res, 500, { ok: false, error: 'internal_error' });
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { server, baseUrl: `http://${host}:${bound}` };
}
