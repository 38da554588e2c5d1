import type { FaultRequest, TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';

/**
 * Lets the first `n - 1` requests that `matches` picks through and hangs the n-th one (applied
 * first when `afterApply`), as `sim.faults.hangNext(1, …)` would if it were queued at exactly that
 * moment. Other requests are not counted, so reads in between cannot shift which write hangs.
 */
export function hangNth(
  sim: TelnyxSimulator,
  n: number,
  matches: (req: FaultRequest) => boolean,
  options: { afterApply: boolean },
): void {
  const faults = sim.faults;
  const take = faults.take.bind(faults);
  let seen = 0;
  faults.take = (req) => {
    if (matches(req)) {
      seen += 1;
      if (seen === n) return { kind: 'hang', afterApply: options.afterApply };
    }
    return take(req);
  };
}

export const isForwardingWrite = (req: FaultRequest): boolean =>
  req.method === 'PATCH' && req.route === 'PATCH /phone_numbers/{id}/voice';
