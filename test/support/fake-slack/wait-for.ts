import { ReclaimError } from '../../../src/domain/errors.js';

export class WaitForTimeoutError extends ReclaimError {
  constructor(description: string, timeoutMs: number, cause: unknown) {
    super('wait_for_timeout', `waitFor gave up after ${timeoutMs} ms: ${description}`, { cause });
  }
}

export interface WaitForOptions {
  /** Upper bound; the wait ends as soon as the predicate holds. Default 5000 ms. */
  timeoutMs?: number;
  intervalMs?: number;
  /** Said in the timeout error, e.g. "the step card shows Approve". */
  description?: string;
}

/**
 * Polls until `predicate` returns something truthy and returns it; an empty array counts as "not
 * yet", so `waitFor(() => fs.findButtons(c))` waits for buttons. A predicate that throws counts as
 * "not yet" too (so expect(...) can be used inside); the last throw becomes the timeout's cause.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value && !(Array.isArray(value) && value.length === 0)) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      throw new WaitForTimeoutError(options.description ?? 'the condition never held', timeoutMs, lastError);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
