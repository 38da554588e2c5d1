// How a big plan is told in a line: counts with thousands separators, per kind of change, and where the full list goes.
import type { PlanAction } from '../../domain/types.js';

/** Plans of more changes than this are listed in full in a file rather than in the card's thread. */
export const FULL_PLAN_IN_THREAD_MAX = 500;

/** Where the full plan is listed: on the card itself, in its thread, or in a file beside it. */
export type FullPlanPlace = 'card' | 'thread' | 'file';

export function fullPlanPlace(changes: number, cardLines: number): FullPlanPlace {
  if (changes <= cardLines) return 'card';
  return changes <= FULL_PLAN_IN_THREAD_MAX ? 'thread' : 'file';
}

/** `10,000` */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 change`, `10,000 changes` */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `9,900 disable forwarding · 100 rotate sip credentials`: each kind of change, most first. */
export function kindCounts(actions: readonly PlanAction[], separator = ' · '): string {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${formatCount(n)} ${kind.replace(/[_-]+/g, ' ')}`)
    .join(separator);
}
