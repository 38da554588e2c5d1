// Seeds who can act as the account and what it did: the kept subaccount's own resources (and the
// attacker's among them), verified caller IDs, and the Monitor events of both people.
import { resourcesOf } from '../account-scope.js';
import type { SimApplication, SimIncomingPhoneNumber } from '../account-state.js';
import type { SimEvent } from '../identity-state.js';
import { isoSeconds } from '../list-page-v1.js';
import { digestOf, type SeedBuilder } from './seed-builder.js';
import { ATTACKER_HOOKS, ATTACKER_HOST, ATTACKER_IP, TRUSTED_HOOKS, TRUSTED_TWIML } from './seed-trusted.js';

/** The subaccount the owner keeps (active, made long before the takeover). */
export const KEPT_SUBACCOUNT = 'Acme staging';

/** The caller ID the attacker verified, to call as a bank. */
export const ATTACKER_CALLER_ID = '+442079460123';

/** Where the owner works from: inside `SEED_TRUSTED.ips`. */
const OFFICE_IP = '203.0.113.10';

function webhooks(voice: string | null) {
  return {
    voice_url: voice,
    voice_method: 'POST' as const,
    voice_fallback_url: null,
    voice_fallback_method: 'POST' as const,
    sms_url: `${TRUSTED_HOOKS}/staging/sms`,
    sms_method: 'POST' as const,
    sms_fallback_url: null,
    sms_fallback_method: 'POST' as const,
    status_callback: null,
    status_callback_method: 'POST' as const,
    voice_caller_id_lookup: false,
    api_version: '2010-04-01',
  };
}

function stagingNumber(b: SeedBuilder, voice: string, stamps = b.legit()): SimIncomingPhoneNumber {
  const phone = `+1720555${b.random.digits(4)}`;
  return {
    sid: b.sid('PN'),
    phone_number: phone,
    friendly_name: `(720) 555-${phone.slice(8)}`,
    ...webhooks(voice),
    voice_application_sid: null,
    sms_application_sid: null,
    trunk_sid: null,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    origin: 'twilio',
    status: 'in-use',
    ...stamps,
  };
}

/** The kept subaccount: its token (presumed read through the parent), a key, a number and an app of the attacker's. */
function seedKeptSubaccount(b: SeedBuilder): void {
  const sub = b.state.subaccounts.find((a) => a.friendly_name === KEPT_SUBACCOUNT);
  if (!sub) return;
  const own = resourcesOf(b.state, sub.sid);
  b.plant({
    kind: 'subaccount_auth_token',
    id: sub.sid,
    summary: `Auth Token of subaccount "${KEPT_SUBACCOUNT}" presumed read through the main account`,
    secretDigest: digestOf(sub.auth_token),
  });
  const rogueKey = { sid: b.sid('SK'), friendly_name: 'staging-ci', secret: b.token(), ...b.attack() };
  own.keys.push(
    { sid: b.sid('SK'), friendly_name: 'Staging deploys', secret: b.token(), ...b.legit() },
    rogueKey,
  );
  b.plant({
    kind: 'subaccount_api_key',
    id: rogueKey.sid,
    summary: `API key "staging-ci" made in "${KEPT_SUBACCOUNT}" after the incident began`,
  });
  const rogueNumber = stagingNumber(b, `${ATTACKER_HOOKS}/fwd/${b.random.digits(6)}.xml`);
  rogueNumber.date_updated = b.attackTime();
  own.incomingPhoneNumbers.push(stagingNumber(b, `${TRUSTED_TWIML}/staging/voice.xml`), rogueNumber);
  b.plant({
    kind: 'subaccount_phone_number',
    id: rogueNumber.sid,
    summary: `${rogueNumber.phone_number} of "${KEPT_SUBACCOUNT}" answers calls from ${ATTACKER_HOST}`,
    value: ATTACKER_HOST,
  });
  const app: SimApplication = {
    sid: b.sid('AP'),
    friendly_name: 'Staging IVR',
    ...webhooks(`${ATTACKER_HOOKS}/ivr/${b.token().slice(0, 8)}.xml`),
    sms_status_callback: null,
    message_status_callback: null,
    public_application_connect_enabled: false,
    ...b.attack(),
  };
  own.applications.push(app);
  b.plant({
    kind: 'subaccount_application',
    id: app.sid,
    summary: `TwiML app "Staging IVR" of "${KEPT_SUBACCOUNT}" fetches from ${ATTACKER_HOST}`,
    value: ATTACKER_HOST,
  });
}

function seedCallerIds(b: SeedBuilder): void {
  const ours = { sid: b.sid('PN'), phone_number: '+14155550123', friendly_name: 'Front desk', ...b.legit() };
  const rogue = {
    sid: b.sid('PN'),
    phone_number: ATTACKER_CALLER_ID,
    friendly_name: 'Support line',
    ...b.attack(),
  };
  b.state.identity.outgoingCallerIds.push(ours, rogue);
  b.plant({
    kind: 'outgoing_caller_id',
    id: rogue.sid,
    summary: `caller ID ${ATTACKER_CALLER_ID} verified after the incident began`,
    value: ATTACKER_CALLER_ID,
  });
}

/** The owner's events (before the window, and a sign-in from the office in it) and the attacker's. */
function seedEvents(b: SeedBuilder): void {
  const owner = b.sid('US');
  const intruder = b.sid('US');
  const event = (
    type: string,
    at: string,
    who: string,
    ip: string,
    fields: Partial<SimEvent> = {},
  ): SimEvent => ({
    sid: b.sid('AE'),
    event_type: type,
    event_date: isoSeconds(at),
    actor_sid: who,
    actor_type: 'user',
    source: 'web',
    source_ip_address: ip,
    resource_sid: b.state.account.sid,
    resource_type: 'account',
    description: null,
    event_data: {},
    ...fields,
  });
  const key = b.state.keys.find((k) => k.friendly_name === 'backup');
  const number = b.state.incomingPhoneNumbers[0];
  const past = b.legit().date_updated;
  const theirs = [
    event('user.login', b.attackTime(), intruder, ATTACKER_IP, { description: 'Console sign-in' }),
    event('api-key.created', b.attackTime(), intruder, ATTACKER_IP, {
      resource_sid: key?.sid ?? null,
      resource_type: 'api-key',
    }),
    event('account.updated', b.attackTime(), intruder, ATTACKER_IP, {
      description: 'Friendly name and contact email changed',
    }),
  ];
  b.state.identity.events.push(
    event('user.login', past, owner, OFFICE_IP),
    event('user.login', b.attackTime(), owner, OFFICE_IP),
    event('phone-number.updated', b.attackTime(), intruder, ATTACKER_IP, {
      resource_sid: number?.sid ?? null,
      resource_type: 'phone-number',
    }),
    ...theirs,
  );
  for (const e of theirs) {
    b.plant({
      kind: 'monitor_event',
      id: e.sid,
      summary: `Monitor event ${e.event_type} from ${ATTACKER_IP}`,
      value: ATTACKER_IP,
    });
  }
}

export function seedIdentity(b: SeedBuilder): void {
  seedKeptSubaccount(b);
  seedCallerIds(b);
  seedEvents(b);
}
