import { fork } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';

/** One HTTP request, built and signed before the burst. */
export interface RawRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface BurstJob {
  port: number;
  requests: RawRequest[];
}

export interface BurstResult {
  /** Per request: ms from writing it to reading the whole answer. */
  timings: number[];
  statuses: number[];
}

/**
 * Fires `requests` at 127.0.0.1:`port` from a child process: one connection each, all opened
 * first, then every request written in one loop (one write each), each timed to its whole answer.
 * In its own process, so nothing else in the bench (fake Slack, bookkeeping) delays the reading.
 */
export function fireBurst(port: number, requests: RawRequest[]): Promise<BurstResult> {
  const child = fork(fileURLToPath(new URL('./burst-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: BurstResult | undefined;
    child.once('message', (message) => {
      result = message as BurstResult;
      resolve(result);
    });
    // 'close' comes after the last message was read, so a result sent just before exit is not lost.
    child.once('close', (code) => {
      if (!result) reject(new Error(`the burst client exited (${code}) without a result`));
    });
    child.send({ port, requests } satisfies BurstJob);
  });
}

/**
 * An HTTP server that answers 200 at once and records every request as it came, so a bench can
 * have the fake Slack build and sign its clicks and commands, then fire them all at once later.
 */
export async function startRecorder(): Promise<{
  url: string;
  port: number;
  take(): RawRequest[];
  close(): Promise<void>;
}> {
  let recorded: RawRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'x-slack-signature', 'x-slack-request-timestamp']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      recorded.push({ path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end('');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
