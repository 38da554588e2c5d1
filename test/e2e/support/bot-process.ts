import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on right now (the bot binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stderr(): string;
  readonly exited: Promise<Exit>;
  /** Whether the process has exited. */
  readonly done: boolean;
  /** SIGTERM, then (if it does not go within `graceMs`) SIGKILL; resolves with how it exited. */
  stop(graceMs?: number): Promise<Exit>;
  /** kill -9: no shutdown at all, as in a crash. */
  crash(): Promise<Exit>;
}

/**
 * Runs `node <entry>` with exactly `env` (plus PATH), in `cwd`, and records its output. The caller
 * decides what to wait for; see `waitForHealthy`.
 */
export function spawnBot(entry: string, env: Record<string, string>, cwd: string): BotProcess {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let both = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    both += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    both += chunk.toString('utf8');
  });
  let done = false;
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const send = (signal: NodeJS.Signals) => {
    if (!done) child.kill(signal);
  };
  return {
    output: () => both,
    stderr: () => err,
    exited,
    get done() {
      return done;
    },
    async stop(graceMs = 20_000) {
      send('SIGTERM');
      const timer = setTimeout(() => send('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    async crash() {
      send('SIGKILL');
      return exited;
    },
  };
}

/** Polls `/healthz` until it answers 200; fails at once, with the bot's output, if the process exits. */
export async function waitForHealthy(bot: BotProcess, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (bot.done) {
      const exit = await bot.exited;
      throw new Error(`the bot exited (${exit.code ?? exit.signal}) before it was healthy:\n${bot.output()}`);
    }
    const status = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) {
      throw new Error(`the bot was not healthy after ${timeoutMs} ms:\n${bot.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
