/**
 * The child side of `fireBurst`: opens one connection per request, and once all are open writes
 * every request (already built and signed) in one loop, then times each until its answer is whole.
 * Its own process, so the bench's fake Slack and bookkeeping do not delay reading the answers.
 */
import { connect, type Socket } from 'node:net';
import type { BurstJob, BurstResult } from './burst.js';

/** An answer that has not come whole by then is counted as status -2 (and its time kept). */
const ANSWER_TIMEOUT_MS = 60_000;

function responseComplete(data: Buffer): number | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = data.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return data.length >= end + 4 + Number(length[1]) ? status : null;
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return data.includes('\r\n0\r\n\r\n') ? status : null;
  // No length, or a chunked answer with trailers: complete when the server closes the connection
  // (every request says `connection: close`), timed to the close ('end' below).
  return null;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(socket));
    socket.once('error', reject);
  });
}

async function run(job: BurstJob): Promise<BurstResult> {
  const requests = job.requests.map((r) =>
    Buffer.from(
      `POST ${r.path} HTTP/1.1\r\nhost: 127.0.0.1:${job.port}\r\n${Object.entries(r.headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}content-length: ${Buffer.byteLength(r.body)}\r\nconnection: close\r\n\r\n${r.body}`,
    ),
  );
  const sockets = await Promise.all(requests.map(() => open(job.port)));
  const timings = new Array<number>(requests.length).fill(Number.NaN);
  const statuses: number[] = new Array<number>(requests.length).fill(0); // -1: error, -2: no answer
  const startedAt = new Array<number>(requests.length).fill(0);
  const done = sockets.map(
    (socket, i) =>
      new Promise<void>((resolve) => {
        let data = Buffer.alloc(0);
        let finished = false;
        const finish = (status: number) => {
          if (finished) return;
          finished = true;
          timings[i] = performance.now() - startedAt[i]!;
          statuses[i] = status;
          socket.destroy();
          resolve();
        };
        socket.on('data', (chunk: Buffer) => {
          data = Buffer.concat([data, chunk]);
          const status = responseComplete(data);
          if (status !== null) finish(status);
        });
        socket.on('end', () =>
          finish(Number(/^HTTP\/1\.[01] (\d{3})/.exec(data.toString('latin1'))?.[1] ?? 0) || -1),
        );
        socket.on('error', () => finish(-1));
        socket.setTimeout(ANSWER_TIMEOUT_MS, () => finish(-2));
      }),
  );
  for (let i = 0; i < sockets.length; i += 1) {
    startedAt[i] = performance.now();
    sockets[i]!.write(requests[i]!);
  }
  await Promise.all(done);
  return { timings, statuses };
}

process.once('message', (job: BurstJob) => {
  void run(job).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`burst failed: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
});
