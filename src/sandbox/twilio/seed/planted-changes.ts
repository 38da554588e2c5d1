import type { PlantedChange, PlantedKind, TwilioAccountState } from '../account.js';
import type { TwilioSimulator } from '../simulator.js';
import { identityChangeInEffect } from './identity-in-effect.js';
import { routingChangeInEffect } from './routing-in-effect.js';
import { digestOf } from './seed-builder.js';
import { ATTACKER_HOST } from './seed-trusted.js';

export const TWILIO_PLANTED_KINDS: readonly PlantedKind[] = [
  'auth_token',
  'api_key',
  'subaccount',
  'ip_address',
  'incoming_phone_number',
  'application',
  'sip_trunk',
  'trunk_origination_url',
  'sip_domain',
  'sip_domain_mapping',
  'messaging_service',
  'dialing_country',
  'messaging_country',
  'subaccount_auth_token',
  'subaccount_api_key',
  'subaccount_phone_number',
  'subaccount_application',
  'outgoing_caller_id',
  'monitor_event',
];

/** Everything the seed planted, in the order it was planted (a copy; no secrets in it). */
export function plantedTwilioChanges(sim: TwilioSimulator): PlantedChange[] {
  return structuredClone(sim.state.planted);
}

/** The planted resources' SIDs by kind, each list sorted, every kind present. */
export function plantedTwilioIdsByKind(sim: TwilioSimulator): Record<PlantedKind, string[]> {
  const out = Object.fromEntries(TWILIO_PLANTED_KINDS.map((k) => [k, [] as string[]])) as Record<
    PlantedKind,
    string[]
  >;
  for (const change of sim.state.planted) out[change.kind].push(change.id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

function pointsAtAttacker(...urls: Array<string | null>): boolean {
  return urls.some((url) => {
    if (!url) return false;
    try {
      return new URL(url).hostname === ATTACKER_HOST;
    } catch {
      return false;
    }
  });
}

/** Whether the planted change still has its effect on the account as it is now. */
function stillInEffect(state: TwilioAccountState, change: PlantedChange): boolean {
  const bySid = (x: { sid: string }): boolean => x.sid === change.id;
  switch (change.kind) {
    case 'auth_token':
      return digestOf(state.account.auth_token) === change.secretDigest;
    case 'api_key':
      return state.keys.some(bySid);
    case 'subaccount':
      return state.subaccounts.find(bySid)?.status === 'active';
    case 'ip_address':
      return state.ipAddresses.some(bySid);
    case 'incoming_phone_number': {
      const n = state.incomingPhoneNumbers.find(bySid);
      return (
        n !== undefined &&
        pointsAtAttacker(n.voice_url, n.voice_fallback_url, n.sms_url, n.sms_fallback_url, n.status_callback)
      );
    }
    case 'sip_trunk':
    case 'trunk_origination_url':
    case 'sip_domain':
    case 'sip_domain_mapping':
    case 'messaging_service':
    case 'dialing_country':
    case 'messaging_country':
      return routingChangeInEffect(state, change);
    case 'subaccount_auth_token':
    case 'subaccount_api_key':
    case 'subaccount_phone_number':
    case 'subaccount_application':
    case 'outgoing_caller_id':
    case 'monitor_event':
      return identityChangeInEffect(state, change);
    case 'application': {
      const a = state.applications.find(bySid);
      return (
        a !== undefined &&
        pointsAtAttacker(
          a.voice_url,
          a.voice_fallback_url,
          a.sms_url,
          a.sms_fallback_url,
          a.status_callback,
          a.sms_status_callback,
          a.message_status_callback,
        )
      );
    }
  }
}

/**
 * The planted changes still in effect: the leaked Auth Token still primary, the attacker's key not
 * deleted, their subaccount still active, their IP still allowed, a number or app still fetching
 * from their host. Empty once a remediation has cleaned the account.
 */
export function unresolvedTwilioChanges(sim: TwilioSimulator): PlantedChange[] {
  return sim.state.planted
    .filter((change) => stillInEffect(sim.state, change))
    .map((c) => structuredClone(c));
}
