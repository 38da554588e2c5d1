// Large accounts get one port-out PIN per batch of up to 1,000 numbers: the plan of batches from the plan of numbers.
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

/** What a batch needs of a number. */
export interface BatchedNumber {
  id: string;
  phone_number: string | null;
}

const sortKey = (n: BatchedNumber) => (n.phone_number ? `0${n.phone_number}` : `1${n.id}`);
const shown = (n: BatchedNumber) => (n.phone_number ? formatNumber(n.phone_number) : `number ${n.id}`);

/**
 * The numbers in service, in E.164 order, cut into batches of 1,000, each one finding and one
 * action: a number's PIN is the one of the batch whose range holds it. The numbers themselves are
 * not listed one by one (the suspicious ones keep findings of their own, made by the step).
 */
export function pinBatches(numbers: readonly BatchedNumber[]): PlannedResource[] {
  const keyed = numbers.map((n) => ({ n, key: sortKey(n) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sorted = keyed.map((k) => k.n);
  const count = Math.ceil(sorted.length / TELNYX_JOB_MAX_NUMBERS);
  return Array.from({ length: count }, (_, k): PlannedResource => {
    const part = sorted.slice(k * TELNYX_JOB_MAX_NUMBERS, (k + 1) * TELNYX_JOB_MAX_NUMBERS);
    const [head, tail] = [part[0] as BatchedNumber, part[part.length - 1] as BatchedNumber];
    const name = batchName(part.length, shown(head), shown(tail));
    const which = `batch ${k + 1} of ${count}`;
    return {
      finding: { resource: head.id, summary: `PIN ${which}: ${name}`, suspicious: false, reasons: [] },
      action: {
        kind: SET_PORT_OUT_PINS,
        target: head.id,
        params: { ids: part.map((n) => n.id), first: shown(head), last: shown(tail) },
        description: `Set one new port-out PIN on ${name} (${which})`,
      },
    };
  });
}
