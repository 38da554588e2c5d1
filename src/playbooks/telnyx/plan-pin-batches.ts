// Large accounts get one port-out PIN per batch of up to 1,000 numbers: the plan of batches from the plan of numbers.
import type { PlannedAction } from '../../domain/types.js';
import { TELNYX_JOB_MAX_NUMBERS } from '../../providers/telnyx/index.js';
import type { PlannedResource } from '../kit/action-kit.js';
import { formatNumber } from '../kit/phone-numbers.js';
import { batchName } from './port-out-pin-batches.js';

/**
 * Up to this many numbers in service, each gets a PIN of its own (one write each, each PIN revealed
 * on its own). Beyond it Telnyx's bulk job sets one PIN per batch: a hundred thousand writes and
 * Reveals help no one in the middle of a takeover, a hundred do.
 */
export const PINS_ONE_BY_ONE_UP_TO = 100;

export const SET_PORT_OUT_PINS = 'set_port_out_pins';

function sortKey(action: PlannedAction): string {
  const phone = action.params.phoneNumber;
  return typeof phone === 'string' && phone !== '' ? `0${phone}` : `1${action.target}`;
}

const shown = (action: PlannedAction) => {
  const phone = action.params.phoneNumber;
  return typeof phone === 'string' && phone !== '' ? formatNumber(phone) : `number ${action.target}`;
};

/**
 * The plan as it runs: unchanged up to `PINS_ONE_BY_ONE_UP_TO` numbers; beyond, the numbers in
 * E.164 order cut into batches of 1,000, so a number's PIN is the one of the batch whose range
 * holds it. The suspicious numbers keep their findings (without an action of their own); the
 * others are summed up in their batch's finding, not listed one by one.
 */
export function batchPins(planned: readonly PlannedResource[]): PlannedResource[] {
  const numbers = planned.flatMap((p) => (p.action ? [p.action] : []));
  if (numbers.length <= PINS_ONE_BY_ONE_UP_TO) return [...planned];
  const flagged = planned.filter((p) => p.finding.suspicious).map((p) => ({ finding: p.finding }));
  const sorted = [...numbers].sort((a, b) =>
    sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
  );
  const count = Math.ceil(sorted.length / TELNYX_JOB_MAX_NUMBERS);
  const batches = Array.from({ length: count }, (_, k): PlannedResource => {
    const part = sorted.slice(k * TELNYX_JOB_MAX_NUMBERS, (k + 1) * TELNYX_JOB_MAX_NUMBERS);
    const [head, tail] = [part[0] as PlannedAction, part[part.length - 1] as PlannedAction];
    const name = batchName(part.length, shown(head), shown(tail));
    const which = `batch ${k + 1} of ${count}`;
    return {
      finding: { resource: head.target, summary: `PIN ${which}: ${name}`, suspicious: false, reasons: [] },
      action: {
        kind: SET_PORT_OUT_PINS,
        target: head.target,
        params: { ids: part.map((a) => a.target), first: shown(head), last: shown(tail) },
        description: `Set one new port-out PIN on ${name} (${which})`,
      },
    };
  });
  return [...flagged, ...batches];
}
