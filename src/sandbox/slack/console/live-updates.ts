import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 15_000;
const COALESCE_MS = 30;

/**
 * Server-sent events for the console: every open page gets `data: <n>` when the workspace changed
 * (changes within a few milliseconds are one event) and fetches what it shows again.
 */
export class LiveUpdates {
  private readonly clients = new Set<ServerResponse>();
  private sequence = 0;
  private pending: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Holds a response open as an event stream until the page goes away. */
  add(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`retry: 1000\ndata: ${this.sequence}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  notify(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.sequence += 1;
      this.write(`data: ${this.sequence}\n\n`);
    }, COALESCE_MS);
    this.pending.unref();
  }

  get listeners(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.pending) clearTimeout(this.pending);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
