/** A clock a test moves by hand (pass `now` to startFakeSlack), so rate windows and expiries pass without waiting. */
export function manualClock(start = 1_767_225_600_000): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}
