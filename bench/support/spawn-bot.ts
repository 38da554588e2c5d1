import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm run build`, as `npm start` does: the compiled code and the embedded database's template. */
export function buildOnce(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SpawnedBot {
  child: ChildProcess;
  url: string;
  dataDir: string;
  /** Milliseconds from spawn to /healthz answering 200. */
  readyMs: number;
  output(): string;
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts the built bot (`node dist/src/main.js`) with only environment variables, waits for /healthz.
 * RECLAIM_BENCH_NODE_ARGS adds node options, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
 */
export async function spawnBot(
  env: Record<string, string>,
  options: { dataDir?: string; nodeArgs?: readonly string[] } = {},
): Promise<SpawnedBot> {
  const port = await freePort();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'reclaim-bench-')));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? (process.env.RECLAIM_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)),
      'dist/src/main.js',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${out}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (performance.now() - started > 60_000) throw new Error(`the bot was not ready in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  return {
    child,
    url,
    dataDir,
    readyMs,
    output: () => out,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
