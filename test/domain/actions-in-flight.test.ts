// The window of a step's actions in flight: the step's own word, the provider's rate and its rate headers.
import { describe, expect, it } from 'vitest';
import {
  ACTION_OVERHEAD_MS,
  actionsInFlight,
  MAX_ACTIONS_IN_FLIGHT,
  type PaceReading,
} from '../../src/domain/actions-in-flight.js';

const pace = (ratePerSec: number, more: Partial<PaceReading> = {}): PaceReading => ({ ratePerSec, ...more });

describe('actionsInFlight', () => {
  it.each<[string, number | undefined, PaceReading | undefined, number]>([
    ['a step in plan order, whatever the pace', undefined, pace(200), 1],
    ['a step that asks for one at a time', 1, pace(200), 1],
    ['independent actions, no pace known', 4, undefined, 4],
    ['independent actions at 20/s', 4, pace(20), 5],
    ['independent actions at 200/s', 4, pace(200), 50],
    ['independent actions at 10/s, 300 ms a request', 4, pace(10, { requestMs: 300 }), 9],
    ['independent actions at 1/s', 4, pace(1), 1],
    ['independent actions at 10,000/s', 4, pace(10_000), MAX_ACTIONS_IN_FLIGHT],
  ])('when %s, then %s', (_, concurrency, reading, expected) => {
    expect(actionsInFlight(concurrency, reading)).toBe(expected);
  });

  it('when the rate doubles, then so does the window', () => {
    const at = (rate: number) => actionsInFlight(4, pace(rate));
    expect(at(80)).toBe((80 * ACTION_OVERHEAD_MS) / 1000);
    expect(at(160)).toBe(2 * at(80));
  });

  it.each<[string, PaceReading['budget'], number]>([
    ['the headers allow fewer than the rate would', { remaining: 7, resetInMs: 800 }, 7],
    ['the headers allow more than the rate would', { remaining: 500, resetInMs: 800 }, 50],
    ['nothing remains before the reset', { remaining: 0, resetInMs: 800 }, 1],
    ['the reset has passed', { remaining: 0, resetInMs: 0 }, 50],
  ])('when %s, then never more in flight than they allow (at least one)', (_, budget, expected) => {
    expect(actionsInFlight(4, pace(200, { budget }))).toBe(expected);
  });

  it('when the step caps its own actions (open provider jobs), then no pace takes the window past the cap', () => {
    expect(actionsInFlight(4, pace(200), 10)).toBe(10);
    expect(actionsInFlight(4, pace(20), 10)).toBe(5);
    expect(actionsInFlight(4, undefined, 2)).toBe(2);
  });

  it('when the step has no pace but the headers are known, then the step’s own number is still capped', () => {
    expect(actionsInFlight(8, { ratePerSec: 0, budget: { remaining: 3, resetInMs: 500 } })).toBe(3);
  });
});
