// Background work (the post-remediation watch) asks the limiter for what an incident leaves unused.
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `fn` as background work: every provider request it makes, however deep, is scheduled after
 * every waiting request of an incident (lowest priority), so it only takes slots an incident does not.
 */
export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

export const isBackground = (): boolean => background.getStore() === true;

/** Limiter priorities (lower starts first, as in Bottleneck): an incident's retry, its first try, background. */
export const PRIORITY = { retry: 4, first: 5, backgroundRetry: 8, background: 9 } as const;

export function priorityOf(retries: number): number {
  if (isBackground()) return retries > 0 ? PRIORITY.backgroundRetry : PRIORITY.background;
  return retries > 0 ? PRIORITY.retry : PRIORITY.first;
}
