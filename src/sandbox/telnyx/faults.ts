import { SimulatorError } from './simulator-error.js';

/** What a fault predicate sees of a request. */
export interface FaultRequest {
  method: string;
  path: string;
  /** `METHOD /template`, e.g. `PATCH /credential_connections/{id}`; `METHOD ?` when no route matched. */
  route: string;
  /** The `{id}` of the path, if any. */
  id: string | undefined;
}

export interface FaultOptions {
  /** Apply the request (the write happens) and only then fail or hang: an outcome the client can't know. */
  afterApply?: boolean;
}

export type Fault =
  | { kind: 'fail'; status: number; afterApply: boolean }
  | { kind: 'hang'; afterApply: boolean };

interface Rule {
  predicate: (req: FaultRequest) => boolean;
  fault: Fault;
}

/**
 * Faults injected for tests: the next `n` requests fail or hang, or every request a predicate picks
 * fails. Queued faults are used first, in order. A hanging request never answers until its caller
 * aborts it or `releaseHanging()` runs (the HTTP server calls it on close).
 */
export class SimulatorFaults {
  private queue: Fault[] = [];
  private rules: Rule[] = [];
  private readonly hanging = new Set<(err: unknown) => void>();

  failNext(n: number, status = 500, options: FaultOptions = {}): void {
    for (let i = 0; i < n; i += 1)
      this.queue.push({ kind: 'fail', status, afterApply: options.afterApply ?? false });
  }

  hangNext(n: number, options: FaultOptions = {}): void {
    for (let i = 0; i < n; i += 1) this.queue.push({ kind: 'hang', afterApply: options.afterApply ?? false });
  }

  /** Fails every request `predicate` picks until the returned function is called. */
  failWhen(predicate: (req: FaultRequest) => boolean, status = 500, options: FaultOptions = {}): () => void {
    const rule: Rule = {
      predicate,
      fault: { kind: 'fail', status, afterApply: options.afterApply ?? false },
    };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** Drops queued faults and predicates (hanging requests stay hung; see `releaseHanging`). */
  clear(): void {
    this.queue = [];
    this.rules = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  get hangingCount(): number {
    return this.hanging.size;
  }

  /** The fault for this request, if any; a queued one is used up. */
  take(req: FaultRequest): Fault | undefined {
    const queued = this.queue.shift();
    if (queued) return queued;
    return this.rules.find((r) => r.predicate(req))?.fault;
  }

  /** Never settles until `signal` aborts (rejects with its reason) or `releaseHanging()` runs. */
  hang(signal: AbortSignal | undefined): Promise<never> {
    return new Promise<never>((_, reject) => {
      const settle = (err: unknown): void => {
        this.hanging.delete(settle);
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      };
      const onAbort = (): void => settle(signal?.reason);
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.hanging.add(settle);
    });
  }

  releaseHanging(): void {
    for (const settle of [...this.hanging]) {
      settle(new SimulatorError('simulator_request_released', 'The simulator released a hanging request.'));
    }
  }
}
