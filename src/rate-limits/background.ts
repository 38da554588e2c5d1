// How urgent a provider request is: Contain now ahead of everything, background work (the watch) after it all.
import { AsyncLocalStorage } from 'node:async_hooks';

type Lane = 'urgent' | 'background';

const lane = new AsyncLocalStorage<Lane>();

/**
 * Runs `fn` as background work: every provider request it makes, however deep, is scheduled after
 * every waiting request of an incident (lowest priority), so it only takes slots an incident does not.
 */
export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return lane.run('background', fn);
}

/**
 * Runs `fn` as urgent work (Contain now): every provider request it makes starts before any other
 * waiting request on the same account's limiter, whatever the incident's other steps have queued.
 */
export function urgently<T>(fn: () => Promise<T>): Promise<T> {
  return lane.run('urgent', fn);
}

export const isBackground = (): boolean => lane.getStore() === 'background';
export const isUrgent = (): boolean => lane.getStore() === 'urgent';

/**
 * Limiter priorities (lower starts first, as in Bottleneck): urgent work's retry and first try, an
 * incident's retry and first try, background work's.
 */
export const PRIORITY = {
  urgentRetry: 0,
  urgent: 1,
  retry: 4,
  first: 5,
  backgroundRetry: 8,
  background: 9,
} as const;

export function priorityOf(retries: number): number {
  const store = lane.getStore();
  if (store === 'background') return retries > 0 ? PRIORITY.backgroundRetry : PRIORITY.background;
  if (store === 'urgent') return retries > 0 ? PRIORITY.urgentRetry : PRIORITY.urgent;
  return retries > 0 ? PRIORITY.retry : PRIORITY.first;
}
