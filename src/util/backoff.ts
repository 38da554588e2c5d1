export interface BackoffOptions {
  /** The delay after the first failed attempt, before jitter (default 1 s). */
  baseMs?: number;
  /** No delay exceeds this (default 5 min). */
  capMs?: number;
  /** A number in [0, 1) (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * min(cap, base·2^(n-1)), so retries of jobs that failed together spread out instead of
 * arriving at once, and no retry comes sooner than half the nominal delay.
 */
export function exponentialBackoff(options: BackoffOptions = {}): (attempt: number) => number {
  const baseMs = options.baseMs ?? 1_000;
  const capMs = options.capMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
    const nominal = Math.min(capMs, baseMs * 2 ** exponent);
    return Math.round(nominal / 2 + random() * (nominal / 2));
  };
}
