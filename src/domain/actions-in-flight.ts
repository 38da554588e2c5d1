// How many of a step's planned actions may be in flight at once: the provider's pace and rate headers decide.

/** What a provider client knows of its pace right now (providers/http keeps one per account). */
export interface PaceReading {
  /** Requests a second the client paces itself to. */
  ratePerSec: number;
  /** Mean time of one request, sent to the whole answer read, in ms; absent before the first. */
  requestMs?: number;
  /**
   * From the provider's rate headers, when its latest answer carried them: the requests it still
   * allows (less those sent since that answer) before its limit resets, `resetInMs` from now.
   */
  budget?: { remaining: number; resetInMs: number };
}

/**
 * Time an action spends outside the provider limiter that the window must cover (claiming and
 * recording it in the database, in batches, and the event loop's own work), in ms. A quarter of a
 * second of requests keeps the limiter's queue from running dry between two batches.
 */
export const ACTION_OVERHEAD_MS = 250;
/** Never more in flight than this: a crash leaves at most this many to re-check before writing. */
export const MAX_ACTIONS_IN_FLIGHT = 100;

/**
 * The window for a step's actions. `concurrency` is the step's own word (playbooks): absent or 1,
 * its actions run one by one in plan order; above 1, they are independent of each other, and with
 * the provider's pace known the window is the requests that pace allows while one action is out
 * (its request time, twice, plus `ACTION_OVERHEAD_MS`), between 1 and `MAX_ACTIONS_IN_FLIGHT`;
 * with no pace known, `concurrency` itself. Rate headers cap it: never more in flight than the
 * provider said remain before its reset.
 */
export function actionsInFlight(
  concurrency: number | undefined,
  pace: PaceReading | undefined,
  /** The step's hard cap whatever the pace (e.g. a provider's limit on open jobs); absent: none. */
  maxInFlight?: number,
): number {
  const own = Math.max(1, Math.floor(concurrency ?? 1));
  if (own === 1) return 1;
  let window = own;
  if (pace && pace.ratePerSec > 0) {
    const coverMs = ACTION_OVERHEAD_MS + 2 * Math.max(0, pace.requestMs ?? 0);
    window = Math.ceil((pace.ratePerSec * coverMs) / 1000);
  }
  window = Math.min(
    MAX_ACTIONS_IN_FLIGHT,
    Math.max(1, Math.floor(maxInFlight ?? window)),
    Math.max(1, window),
  );
  const budget = pace?.budget;
  if (budget && budget.resetInMs > 0) window = Math.min(window, Math.max(1, Math.floor(budget.remaining)));
  return window;
}

/**
 * How long a batch of claims or results waits for more before it is written, in ms: with one
 * action at a time, none (each goes at once); with several in flight, long enough that a batch
 * holds several (each statement then serves many rows), well inside `ACTION_OVERHEAD_MS`.
 */
export function batchLingerMs(window: number): number {
  return window > 1 ? BATCH_LINGER_MS : 0;
}

export const BATCH_LINGER_MS = 40;
