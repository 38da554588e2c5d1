// `apps.connections.open` on the fake Slack's Web API: the app-level token in, a WebSocket URL out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallRecord } from '../../../src/sandbox/slack/model/types.js';
import type { FakeSocketMode } from './start-fake-socket-mode.js';

/** Answers POST /api/apps.connections.open (recorded in `calls` like every method); false for any other request. */
export function connectionsOpenRoute(socket: FakeSocketMode, calls: CallRecord[]) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (new URL(req.url ?? '/', 'http://local').pathname !== '/api/apps.connections.open') return false;
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    req.resume();
    req.on('end', () => {
      const answer = socket.openConnection(bearer);
      calls.push({
        method: 'apps.connections.open',
        args: {},
        at: new Date(),
        status: 200,
        ok: answer.ok,
        error: answer.error,
      });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer));
    });
    return true;
  };
}
