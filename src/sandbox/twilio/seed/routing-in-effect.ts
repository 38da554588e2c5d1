// Whether each planted routing change (trunks, SIP domains, Messaging Services, geo permissions) still has its effect.
import type { PlantedChange, TwilioAccountState } from '../account.js';
import { ATTACKER_HOST } from './seed-trusted.js';

const onAttacker = (...urls: Array<string | null | undefined>) =>
  urls.some((u) => u?.includes(`//${ATTACKER_HOST}`));

/** Whether a planted routing change still has its effect (see `unresolvedTwilioChanges`). */
export function routingChangeInEffect(state: TwilioAccountState, change: PlantedChange): boolean {
  const r = state.routing;
  switch (change.kind) {
    case 'sip_trunk':
      return r.trunks.some((t) => t.sid === change.id);
    case 'trunk_origination_url':
      return r.trunkMembers.some((m) => m.sid === change.id);
    case 'sip_domain': {
      const d = r.sipDomains.find((x) => x.sid === change.id);
      return d !== undefined && onAttacker(d.voice_url, d.voice_fallback_url, d.voice_status_callback_url);
    }
    case 'sip_domain_mapping':
      return r.domainMappings.some(
        (m) => m.sid === change.id && `${m.domain_sid}/${m.mapping}` === change.value,
      );
    case 'messaging_service': {
      const s = r.messagingServices.find((x) => x.sid === change.id);
      return s !== undefined && onAttacker(s.inbound_request_url, s.fallback_url, s.status_callback);
    }
    case 'dialing_country': {
      const c = r.dialingCountries.find((x) => `voice:${x.iso_code}` === change.id);
      return (
        c !== undefined && (c.high_risk_special_numbers_enabled || c.high_risk_tollfraud_numbers_enabled)
      );
    }
    case 'messaging_country':
      return r.messagingGeo.some((g) => `messaging:${g.country_code}` === change.id && g.enabled);
    default:
      return false;
  }
}
