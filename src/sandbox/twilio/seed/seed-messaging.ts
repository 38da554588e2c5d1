// Seeds Messaging Services (one repointed by the attacker) and geo permissions (the countries the account uses, and two the attacker opened).
import { isoSeconds } from '../list-page-v1.js';
import type { SimDialingCountry, SimMessagingGeo, SimMessagingService } from '../routing-state.js';
import type { SeedBuilder, Stamps } from './seed-builder.js';
import { ATTACKER_HOOKS, ATTACKER_HOST, TRUSTED_HOOKS } from './seed-trusted.js';

const iso = (s: Stamps): Stamps => ({
  date_created: isoSeconds(s.date_created),
  date_updated: isoSeconds(s.date_updated),
});

/** The voice destination and the messaging country the attacker opened. */
export const ATTACKER_DIALING_COUNTRY = 'LV';
export const ATTACKER_MESSAGING_COUNTRY = 'PK';

const COUNTRIES: ReadonlyArray<[string, string, string, string, boolean]> = [
  ['US', 'United States/Canada', 'NORTH_AMERICA', '+1', true],
  ['GB', 'United Kingdom', 'EUROPE', '+44', true],
  ['DE', 'Germany', 'EUROPE', '+49', false],
  ['LV', 'Latvia', 'EUROPE', '+371', false],
  ['MX', 'Mexico', 'NORTH_AMERICA', '+52', false],
  ['PK', 'Pakistan', 'ASIA', '+92', false],
  ['IN', 'India', 'ASIA', '+91', false],
];

export function seedGeo(b: SeedBuilder): void {
  const r = b.state.routing;
  for (const [code, name, continent, cc, open] of COUNTRIES) {
    const country: SimDialingCountry = {
      iso_code: code,
      name,
      continent,
      country_codes: [cc],
      low_risk_numbers_enabled: open,
      high_risk_special_numbers_enabled: false,
      high_risk_tollfraud_numbers_enabled: false,
    };
    const geo: SimMessagingGeo = {
      country_code: code,
      enabled: open,
      prefix: cc,
      message: code === 'PK' ? 'High Risk Country' : '',
    };
    if (code === ATTACKER_DIALING_COUNTRY)
      Object.assign(country, { low_risk_numbers_enabled: true, high_risk_tollfraud_numbers_enabled: true });
    if (code === ATTACKER_MESSAGING_COUNTRY) geo.enabled = true;
    r.dialingCountries.push(country);
    r.messagingGeo.push(geo);
  }
  b.plant({
    kind: 'dialing_country',
    id: `voice:${ATTACKER_DIALING_COUNTRY}`,
    summary: 'voice dialing to Latvia’s high-risk toll-fraud numbers opened',
  });
  b.plant({
    kind: 'messaging_country',
    id: `messaging:${ATTACKER_MESSAGING_COUNTRY}`,
    summary: 'messaging to Pakistan, a high-risk country, opened',
  });
}

function service(b: SeedBuilder, name: string, inbound: string, stamps: Stamps): SimMessagingService {
  return {
    sid: b.sid('MG'),
    friendly_name: name,
    inbound_request_url: inbound,
    inbound_method: 'POST',
    fallback_url: null,
    fallback_method: 'POST',
    status_callback: `${TRUSTED_HOOKS}/sms-status`,
    sticky_sender: true,
    use_inbound_webhook_on_number: false,
    ...iso(stamps),
  };
}

export function seedServices(b: SeedBuilder): void {
  const notices = service(b, 'Acme notifications', `${TRUSTED_HOOKS}/sms`, b.legit());
  const codes = service(b, 'Acme sign-in codes', `${ATTACKER_HOOKS}/otp`, b.legit());
  codes.date_updated = isoSeconds(b.attackTime());
  b.state.routing.messagingServices.push(notices, codes);
  b.plant({
    kind: 'messaging_service',
    id: codes.sid,
    summary: `Messaging Service "Acme sign-in codes" receives messages on ${ATTACKER_HOST}`,
    value: ATTACKER_HOST,
  });
}
