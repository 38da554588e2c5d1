// Setting a number's port-out PIN: a fresh one per number, sealed for Reveal, never in the result.
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { formatNumber } from '../kit/phone-numbers.js';
import { orGone, outcomeUnknown, writeUnlessDone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { portOutPinFor } from './generate-port-out-pin.js';
import { TELNYX_PORTAL } from './manual-steps.js';
import { TelnyxPlaybookError, textParam } from './playbook-error.js';

/** Statuses of a number that is no longer the account's to protect: nothing to set. */
export const GONE_STATUSES: ReadonlySet<string> = new Set(['deleted', 'ported-out']);

/** Where a responder sets a PIN by hand when Reclaim cannot show the one it set. */
const WHERE_TO_SET = `the portal (${TELNYX_PORTAL}): Numbers › My Numbers › the number › Port-out protection`;

/**
 * One PATCH of `external_pin` with the action's PIN (`portOutPinFor`: from the engine's seed, the
 * same on every attempt); the PIN goes only into `secrets` (sealed by the engine at once). A timeout
 * after sending reads the number back: when it carries the PIN the write landed and the PIN is
 * returned after all. A recheck writes nothing when the number is gone, or when it already holds
 * this action's PIN (the earlier attempt landed; its PIN is handed back). Otherwise it sets the PIN;
 * without a seed that is a fresh one, since the earlier attempt's PIN was lost with its answer.
 */
export const setPortOutPin: KindExecutor<TelnyxClient> = (ctx, action, recheck, options) => {
  const api = ctx.client.phoneNumbers;
  const phone = textParam(action, 'phoneNumber');
  const shown = phone === '' ? `number ${action.target}` : formatNumber(phone);
  const pin = portOutPinFor(options?.seed);
  const done: ActionOutcome = {
    result: { pinSet: true },
    secrets: [{ label: `Port-out PIN for ${shown}`, value: pin }],
  };
  return writeUnlessDone(
    recheck,
    async () => {
      const now = await orGone(() => api.get(action.target));
      if (now === null) return { result: { pinSet: false, note: 'number no longer on the account' } };
      if (now.status !== null && GONE_STATUSES.has(now.status)) {
        return { result: { pinSet: false, note: `number is ${now.status}` } };
      }
      return options?.seed && (await api.pinIs(action.target, pin)) ? done : undefined;
    },
    async (): Promise<ActionOutcome> => {
      try {
        const after = await api.setExternalPin(action.target, pin);
        if (!after.external_pin_set) {
          throw new TelnyxPlaybookError(
            'telnyx_change_not_applied',
            `Telnyx accepted the new port-out PIN of ${shown} but shows none set; set one in ${WHERE_TO_SET}.`,
            { details: { target: action.target } },
          );
        }
      } catch (err) {
        if (!outcomeUnknown(err)) throw err;
        const landed = await api.pinIs(action.target, pin).catch(() => false);
        if (!landed) throw err;
      }
      return done;
    },
  );
};
