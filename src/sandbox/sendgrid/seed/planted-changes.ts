import { allowRuleRef, inviteRef } from '../../../providers/sendgrid/refs.js';
import type { PlantedChange, PlantedKind, SendgridAccountState } from '../account.js';
import type { SendgridSimulator } from '../simulator.js';

export const SENDGRID_PLANTED_KINDS: readonly PlantedKind[] = [
  'api_key',
  'allowed_ip',
  'access_attempt',
  'teammate',
  'pending_invite',
  'subuser',
  'event_webhook',
  'sent_subject',
  'verified_sender',
  'authenticated_domain',
  'branded_link',
  'mail_setting',
  'alert',
];

/** Everything the seed planted, in the order it was planted (a copy; no secrets in it). */
export function sendgridPlantedChanges(sim: SendgridSimulator): PlantedChange[] {
  return structuredClone(sim.state.planted);
}

/** The planted resources' ids by kind, each list sorted, every kind present. */
export function sendgridPlantedIdsByKind(sim: SendgridSimulator): Record<PlantedKind, string[]> {
  const out = Object.fromEntries(SENDGRID_PLANTED_KINDS.map((k) => [k, [] as string[]])) as Record<
    PlantedKind,
    string[]
  >;
  for (const change of sim.state.planted) out[change.kind].push(change.id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

/** Whether the planted change still has its effect on the account as it is now. */
function stillInEffect(state: SendgridAccountState, change: PlantedChange): boolean {
  switch (change.kind) {
    case 'api_key':
      return state.apiKeys.some((k) => k.api_key_id === change.id);
    case 'allowed_ip':
      return state.allowList.some((e) => allowRuleRef(e.id) === change.id);
    case 'teammate':
      return state.teammates.some((t) => t.username === change.id);
    case 'pending_invite':
      return state.invites.some((i) => inviteRef(i.token) === change.id);
    case 'subuser':
      return state.subusers.some((s) => s.username === change.id && !s.disabled);
    case 'event_webhook':
      return state.eventWebhooks.some((w) => w.id === change.id && w.enabled);
    case 'verified_sender':
      return state.verifiedSenders.some((v) => `sender:${v.id}` === change.id);
    case 'authenticated_domain':
      return state.authenticatedDomains.some((d) => `domain:${d.id}` === change.id);
    case 'branded_link':
      return state.brandedLinks.some((l) => `link:${l.id}` === change.id);
    case 'mail_setting':
      return (change.id === 'mail-setting:forward_spam' ? state.forwardSpam : state.forwardBounce).enabled;
    case 'alert':
      return state.alerts.some((a) => `alert:${a.id}` === change.id);
    case 'access_attempt':
    case 'sent_subject':
      // Evidence of what happened, not a setting: nothing a clean-up does removes it.
      return false;
  }
}

/**
 * The planted changes still in effect: the attacker's key still listed, their IP still allowed,
 * their teammate and invitation still there, their subuser still enabled, their webhook still
 * enabled, their sender, domain, link and alert still there, forwarding to them still on. Empty
 * once a remediation has cleaned the account. Evidence (`access_attempt`, `sent_subject`) never
 * counts.
 */
export function unresolvedSendgridPlantedChanges(sim: SendgridSimulator): PlantedChange[] {
  return sim.state.planted.filter((c) => stillInEffect(sim.state, c)).map((c) => structuredClone(c));
}
