// Whether a planted change of the identity kinds (seed-identity.ts) still has its effect.
import type { PlantedChange, TwilioAccountState } from '../account.js';
import { digestOf } from './seed-builder.js';
import { ATTACKER_HOST } from './seed-trusted.js';

function pointsAtAttacker(urls: ReadonlyArray<string | null>): boolean {
  return urls.some((url) => url?.includes(`//${ATTACKER_HOST}/`) === true);
}

/**
 * Whether one of these planted changes still has its effect: the kept subaccount's token still the
 * leaked one, its key still there, its number or app still on the attacker's host, the caller ID
 * still verified. A Monitor event is a record of the past: it is flagged for a person, and there is
 * nothing to undo, so it never counts as in effect.
 */
export function identityChangeInEffect(state: TwilioAccountState, change: PlantedChange): boolean {
  const subs = Object.values(state.identity.subaccounts);
  switch (change.kind) {
    case 'subaccount_auth_token':
      return (
        digestOf(state.subaccounts.find((a) => a.sid === change.id)?.auth_token ?? '') === change.secretDigest
      );
    case 'subaccount_api_key':
      return subs.some((s) => s.keys.some((k) => k.sid === change.id));
    case 'subaccount_phone_number': {
      const n = subs.flatMap((s) => s.incomingPhoneNumbers).find((x) => x.sid === change.id);
      return (
        n !== undefined && pointsAtAttacker([n.voice_url, n.voice_fallback_url, n.sms_url, n.status_callback])
      );
    }
    case 'subaccount_application': {
      const a = subs.flatMap((s) => s.applications).find((x) => x.sid === change.id);
      return (
        a !== undefined && pointsAtAttacker([a.voice_url, a.voice_fallback_url, a.sms_url, a.status_callback])
      );
    }
    case 'outgoing_caller_id':
      return state.identity.outgoingCallerIds.some((c) => c.sid === change.id);
    default:
      return false;
  }
}
