import { type ChildProcess, spawn } from 'node:child_process';
import { fireBurst, type RawRequest } from './burst.js';
import { percentile } from './percentiles.js';

/** An HTTP server in a child process that reads each request and answers 200 at once (no work). */
const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('')); });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function startNullServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, child };
}

/**
 * The load generator alone: the same requests fired the same way (`fireBurst`) at a server that
 * does nothing. What this takes is the floor under any round trip the bench measures.
 */
export async function loadGeneratorFloor(requests: RawRequest[]): Promise<{ p50: number; p99: number }> {
  const { url, child } = await startNullServer();
  try {
    const { timings } = await fireBurst(Number(new URL(url).port), requests);
    return { p50: percentile(timings, 50), p99: percentile(timings, 99) };
  } finally {
    child.kill();
  }
}
