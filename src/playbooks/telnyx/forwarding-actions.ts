// Turning a number's call forwarding off: the switch first, then a separate, non-fatal clearing of the target.
import { ProviderError } from '../../providers/http/index.js';
import type { NumberVoiceSettings, TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { formatNumber } from '../kit/phone-numbers.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { TelnyxPlaybookError, textParam } from './playbook-error.js';

/** The target of a number whose forwarding is switched on (`call_forwarding_enabled`, default true) and set. */
export function forwardingTarget(n: NumberVoiceSettings): string | undefined {
  const to = n.call_forwarding.forwards_to?.trim() ?? '';
  return n.call_forwarding.call_forwarding_enabled && to !== '' ? to : undefined;
}

function shown(n: NumberVoiceSettings): string {
  return n.phone_number ? formatNumber(n.phone_number) : `number ${n.id}`;
}

/**
 * The second write: `forwards_to` blank, with the switch still off in the same object (a PATCH of
 * `call_forwarding` might otherwise reset it to its default, true). The spec says forwarding stops
 * when the field "is left blank" but also "If set, must be a +E.164-formatted phone number", so
 * Telnyx may refuse it; forwarding is off by then either way, so a refusal is noted, not failed.
 */
async function clearTarget(client: TelnyxClient, id: string): Promise<Record<string, unknown>> {
  try {
    const after = await client.numberVoiceSettings.update(id, {
      call_forwarding: { call_forwarding_enabled: false, forwards_to: '' },
    });
    const still = forwardingTarget(after);
    if (still) {
      throw new TelnyxPlaybookError(
        'telnyx_change_not_applied',
        `Clearing the forwarding target of ${shown(after)} turned forwarding back on to ${formatNumber(still)}; turn it off in the portal.`,
        { details: { target: id } },
      );
    }
    return { target: 'cleared' };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const why =
      err.status === null ? err.code : `${err.status}${err.providerCode ? ` ${err.providerCode}` : ''}`;
    return {
      target: 'kept',
      note: `Telnyx did not blank forwards_to (${why}); forwarding is off, the old target stays on the number. Clear it in the portal if you want it gone.`,
    };
  }
}

/**
 * Turns forwarding off with `call_forwarding_enabled: false` alone, the form the spec documents
 * without reservation, and checks the answer; then clears the target in a second write that may
 * fail without failing the action. The old target stays in the plan, the result and the audit log.
 * A recheck finds forwarding already off (switched off, or no target) and writes nothing.
 */
export const disableForwarding: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.numberVoiceSettings;
  const was = textParam(action, 'forwardsTo');
  return writeUnlessDone(
    recheck,
    async () =>
      forwardingTarget(await api.get(action.target)) ? undefined : { result: { forwarding: 'off', was } },
    async (): Promise<ActionOutcome> => {
      const after = await api.update(action.target, { call_forwarding: { call_forwarding_enabled: false } });
      const still = forwardingTarget(after);
      if (still) {
        throw new TelnyxPlaybookError(
          'telnyx_change_not_applied',
          `Telnyx accepted the change, but ${shown(after)} still forwards to ${formatNumber(still)}; turn it off in the portal.`,
          { details: { target: action.target } },
        );
      }
      return { result: { forwarding: 'off', was, ...(await clearTarget(ctx.client, action.target)) } };
    },
  );
};
