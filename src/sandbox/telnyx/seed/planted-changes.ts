import type { PlantedChange, PlantedKind, TelnyxAccountState } from '../account.js';
import type { TelnyxSimulator } from '../simulator.js';
import { accessPlantInEffect } from './seed-account-access.js';
import { digestOf } from './seed-builder.js';
import { PORT_OUT_BILLING_KINDS, portOutBillingPlantInEffect } from './seed-port-out-and-billing.js';
import { ATTACKER_HOST } from './seed-trusted.js';

export const PLANTED_KINDS: readonly PlantedKind[] = [
  'credential_connection',
  'ip',
  'call_forwarding',
  'call_control_application',
  'texml_application',
  'outbound_voice_profile',
  'messaging_profile_secret',
  'organization_user',
  'oauth_grant',
  'oauth_client',
  'integration_secret',
  'access_ip',
  ...PORT_OUT_BILLING_KINDS,
];

/** Everything the seed planted, in the order it was planted (a copy; no secrets in it). */
export function plantedChanges(sim: TelnyxSimulator): PlantedChange[] {
  return structuredClone(sim.state.planted);
}

/** The planted resources' ids by kind, each list sorted, every kind present. */
export function plantedIdsByKind(sim: TelnyxSimulator): Record<PlantedKind, string[]> {
  const out = Object.fromEntries(PLANTED_KINDS.map((k) => [k, [] as string[]])) as Record<
    PlantedKind,
    string[]
  >;
  for (const change of sim.state.planted) out[change.kind].push(change.id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

function pointsAtAttacker(...urls: unknown[]): boolean {
  return urls.some((url) => {
    if (typeof url !== 'string' || url === '') return false;
    try {
      return new URL(url).hostname === ATTACKER_HOST;
    } catch {
      return false;
    }
  });
}

/** Whether the planted change still has its effect on the account as it is now. */
function stillInEffect(state: TelnyxAccountState, change: PlantedChange): boolean {
  const byId = (x: { id: string }): boolean => x.id === change.id;
  switch (change.kind) {
    case 'credential_connection': {
      const c = state.credentialConnections.find(byId);
      return c?.active === true && digestOf(c.password) === change.secretDigest;
    }
    case 'ip':
      return state.ips.some(byId);
    case 'call_forwarding': {
      const forwarding = state.phoneNumbers.find(byId)?.voice.call_forwarding;
      return forwarding?.call_forwarding_enabled === true && forwarding.forwards_to === change.value;
    }
    case 'call_control_application': {
      const a = state.callControlApplications.find(byId);
      return a?.active === true && pointsAtAttacker(a.webhook_event_url, a.webhook_event_failover_url);
    }
    case 'texml_application': {
      const a = state.texmlApplications.find(byId);
      return a?.active === true && pointsAtAttacker(a.voice_url, a.voice_fallback_url, a.status_callback);
    }
    case 'outbound_voice_profile': {
      const p = state.outboundVoiceProfiles.find(byId);
      const opened = p?.whitelisted_destinations.some((d) => d !== 'US' && d !== 'CA') === true;
      return p?.enabled === true && (!p.daily_spend_limit_enabled || opened);
    }
    case 'messaging_profile_secret': {
      const p = state.messagingProfiles.find(byId);
      return p !== undefined && digestOf(p.v1_secret) === change.secretDigest;
    }
    case 'organization_user':
    case 'oauth_grant':
    case 'oauth_client':
    case 'integration_secret':
    case 'access_ip':
      return accessPlantInEffect(state, change);
    case 'port_out_pin':
    case 'fqdn_connection':
    case 'messaging_destinations':
    case 'notification_channel':
    case 'balance_alert':
      return portOutBillingPlantInEffect(state, change);
  }
}

/**
 * The planted changes still in effect: a credential connection still active with the attacker's
 * password, an IP still allowed, a number still forwarding to the premium target, an app still
 * active and pointing at the attacker's host, a profile still without a spend limit, a v1 secret
 * not yet regenerated. Empty once a remediation has cleaned the account.
 */
export function unresolvedPlantedChanges(sim: TelnyxSimulator): PlantedChange[] {
  return sim.state.planted
    .filter((change) => stillInEffect(sim.state, change))
    .map((c) => structuredClone(c));
}
