import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerRequest } from './transport-request.js';

/** A simulator served over HTTP: where it listens, and how to stop it. */
export interface ServedOverHttp {
  /** `http://HOST:PORT` and the `basePath`. */
  url: string;
  /** Releases hanging requests, drops every connection and stops listening. */
  close(): Promise<void>;
}

/** What `serveOverHttp` serves: the simulator's answer, and how to let its hanging requests go. */
export interface HttpServing {
  answer: AnswerRequest;
  releaseHanging(): void;
  /** Appended to the origin in the served `url` (Telnyx's `/v2`); default none. */
  basePath?: string;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function respond(answer: AnswerRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) aborted.abort();
  });
  try {
    const out = await answer({
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      headers: flatHeaders(req),
      signal: aborted.signal,
      text: () => readText(req),
    });
    res.writeHead(out.status, out.headers);
    res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
  } catch {
    // A hanging request that was aborted or released: the connection just drops, as a dead server's would.
    res.destroy();
  }
}

/**
 * Serves a simulator over HTTP on 127.0.0.1 (port 0: any free port) for end-to-end tests and
 * benches. `close()` lets hanging requests go, so nothing keeps the process alive.
 */
export async function serveOverHttp(
  serving: HttpServing,
  options: { port?: number; host?: string } = {},
): Promise<ServedOverHttp> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void respond(serving.answer, req, res);
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
    url: `http://${host}:${port}${serving.basePath ?? ''}`,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        serving.releaseHanging();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
