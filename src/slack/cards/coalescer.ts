/**
 * Runs one task per key at a time and folds bursts together: a request while the key's task is
 * waiting is absorbed; a request while it runs makes it run once more afterwards. So a burst of
 * step changes becomes one card update, and updates of one card never overtake each other.
 */
export class Coalescer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly tasks = new Map<string, () => Promise<void>>();

  constructor(private readonly onError: (key: string, err: unknown) => void) {}

  request(key: string, delayMs: number, task: () => Promise<void>): void {
    this.tasks.set(key, task);
    if (this.timers.has(key)) return;
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.run(key, delayMs);
    }, delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Runs the key's task now (after any run in progress) and resolves when it is done. */
  async now(key: string, task: () => Promise<void>): Promise<void> {
    this.tasks.set(key, task);
    await this.running.get(key)?.catch(() => undefined);
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
    this.run(key, 0);
    await this.running.get(key);
  }

  private run(key: string, delayMs: number): void {
    const task = this.tasks.get(key);
    if (!task) return;
    const p = task()
      .catch((err: unknown) => this.onError(key, err))
      .finally(() => {
        this.running.delete(key);
        if (this.dirty.delete(key)) this.request(key, delayMs, task);
      });
    this.running.set(key, p);
  }

  /** Resolves when nothing is waiting or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.all([...this.running.values()].map((p) => p.catch(() => undefined)));
      if (this.timers.size > 0) await new Promise((r) => setTimeout(r, 20));
    }
  }

  cancel(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
