// The in-process limiter of one provider account: jobs start by priority, a few at once, paced on an absolute schedule that catches up after a stall.

/** As Bottleneck's job options: a lower `priority` starts first (default 5). */
export interface JobOptions {
  priority?: number;
}

interface Job {
  run(): Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export interface PacedQueueOptions {
  ratePerSec: number;
  maxConcurrent: number;
  /** Real ms per provider second (default 1000). */
  timeUnitMs?: number;
  /** How far behind its schedule the queue may fall and still catch up, provider ms (default 50). */
  catchUpMs?: number;
  now?: () => number;
}

/**
 * Starts are spaced `1 / ratePerSec` apart on a schedule kept in absolute time (a generic cell
 * rate algorithm): when the event loop was busy (an embedded database answering a batch on this
 * thread) and a start came late, the next ones follow sooner, up to `catchUpMs` worth, instead of
 * the lost time being lost for good; and after that much idle time, that many may start at once.
 * Over any second the rate stays within `catchUpMs` of the pace. Bottleneck, which the clustered
 * (Redis) limiter still is, hands each job through a lock that takes one event-loop turn per job:
 * on a busy loop that alone held 200 requests/s to ~150.
 */
export class PacedQueue {
  private readonly intervalMs: number;
  private readonly catchUpMs: number;
  private readonly now: () => number;
  private readonly waiting = new Map<number, Job[]>();
  private nextStart = Number.NEGATIVE_INFINITY;
  private running = 0;
  private held = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PacedQueueOptions) {
    const unit = (options.timeUnitMs ?? 1000) / 1000;
    this.intervalMs = (1000 / options.ratePerSec) * unit;
    this.catchUpMs = (options.catchUpMs ?? 50) * unit;
    this.now = options.now ?? (() => performance.now());
  }

  schedule<T>(fn: () => PromiseLike<T>): Promise<T>;
  schedule<T>(options: JobOptions, fn: () => PromiseLike<T>): Promise<T>;
  schedule<T>(a: JobOptions | (() => PromiseLike<T>), b?: () => PromiseLike<T>): Promise<T> {
    const [options, fn] = typeof a === 'function' ? [{}, a] : [a, b as () => PromiseLike<T>];
    const priority = options.priority ?? 5;
    return new Promise<T>((resolve, reject) => {
      const job: Job = { run: async () => fn(), resolve: resolve as (v: unknown) => void, reject };
      const list = this.waiting.get(priority) ?? [];
      list.push(job);
      this.waiting.set(priority, list);
      this.pump();
    });
  }

  /** Jobs waiting for their start. */
  queued(): number {
    let n = 0;
    for (const list of this.waiting.values()) n += list.length;
    return n;
  }

  /** While held, nothing new starts (a 429 asked us to wait); jobs already started go on. */
  setHeld(held: boolean): void {
    this.held = held;
    if (!held) this.pump();
  }

  /** Stops the timer; waiting jobs stay waiting. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    this.stop();
    while (!this.held && this.running < this.options.maxConcurrent) {
      const now = this.now();
      const start = Math.max(this.nextStart, now - this.catchUpMs);
      if (start > now) {
        if (this.queued() > 0) this.arm(start - now);
        return;
      }
      const job = this.take();
      if (!job) return;
      this.nextStart = start + this.intervalMs;
      this.running += 1;
      job
        .run()
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }

  private arm(ms: number): void {
    // Not unref'd: a job waiting for its start keeps the process alive, as it would in Bottleneck.
    this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(ms)));
  }

  /** The first job of the most urgent priority. */
  private take(): Job | undefined {
    const priorities = [...this.waiting.keys()].sort((x, y) => x - y);
    for (const p of priorities) {
      const list = this.waiting.get(p);
      const job = list?.shift();
      if (list && list.length === 0) this.waiting.delete(p);
      if (job) return job;
    }
    return undefined;
  }
}
