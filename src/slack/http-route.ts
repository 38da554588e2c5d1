/** A plain HTTP route the Slack front door serves beside `/slack/events` (`/healthz`, `/metrics`). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HttpRoute {
  path: string;
  method: 'GET' | 'POST';
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
