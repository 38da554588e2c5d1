import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleSendgridRequest } from './handle-request.js';
import type { SendgridSimulator } from './simulator.js';
import { parseBodyText, pathFromV3 } from './transport.js';

export interface ServedSendgridSimulator {
  /** `http://127.0.0.1:PORT`, the base URL to give the SendGrid client (paths start with `/v3`). */
  url: string;
  /** Releases hanging requests, drops every connection and stops listening. */
  close(): Promise<void>;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function respond(sim: SendgridSimulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) aborted.abort();
  });
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const out = await handleSendgridRequest(sim, {
      method: req.method ?? 'GET',
      path: pathFromV3(url.pathname),
      query: url.searchParams,
      headers,
      signal: aborted.signal,
      ...parseBodyText(await readText(req)),
    });
    res.writeHead(out.status, out.headers);
    res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
  } catch {
    // A hanging request that was aborted or released: the connection just drops, as a dead server's would.
    res.destroy();
  }
}

/**
 * Serves the simulator over HTTP on 127.0.0.1 (port 0: any free port) for end-to-end tests and
 * benches. `close()` lets hanging requests go, so nothing keeps the process alive.
 */
export async function serveSendgridSimulator(
  sim: SendgridSimulator,
  options: { port?: number; host?: string } = {},
): Promise<ServedSendgridSimulator> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void respond(sim, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        sim.faults.releaseHanging();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
