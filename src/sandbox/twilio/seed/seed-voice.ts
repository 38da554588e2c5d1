import type { SimApplication, SimIncomingPhoneNumber, SimUrlFields } from '../account-state.js';
import type { SeedBuilder } from './seed-builder.js';
import {
  ATTACKER_HOOKS,
  ATTACKER_HOST,
  OWN_AREA_CODES,
  TRUSTED_HOOKS,
  TRUSTED_TWIML,
} from './seed-trusted.js';

function urls(voice: string | null, sms: string | null, status: string | null): SimUrlFields {
  return {
    voice_url: voice,
    voice_method: 'POST',
    voice_fallback_url: null,
    voice_fallback_method: 'POST',
    sms_url: sms,
    sms_method: 'POST',
    sms_fallback_url: null,
    sms_fallback_method: 'POST',
    status_callback: status,
    status_callback_method: 'POST',
    voice_caller_id_lookup: false,
    api_version: '2010-04-01',
  };
}

function app(b: SeedBuilder, name: string, fields: SimUrlFields, stamps = b.legit()): SimApplication {
  return {
    sid: b.sid('AP'),
    friendly_name: name,
    ...fields,
    sms_status_callback: null,
    message_status_callback: null,
    public_application_connect_enabled: false,
    ...stamps,
  };
}

/**
 * TwiML applications: `legit` on the trusted hosts, and one the attacker created whose voice URL
 * and status callback are on the attacker's host. Returns the first legitimate app's SID.
 */
export function seedApplications(b: SeedBuilder, legit: number): string | null {
  const names = ['Main IVR', 'SMS auto-reply'];
  const ours: SimApplication[] = [];
  for (let i = 0; i < legit; i += 1) {
    const slug = `app-${i + 1}`;
    ours.push(
      app(
        b,
        names[i] ?? `Line of business ${i + 1}`,
        urls(
          `${TRUSTED_TWIML}/${slug}/voice.xml`,
          `${TRUSTED_TWIML}/${slug}/sms.xml`,
          `${TRUSTED_HOOKS}/status`,
        ),
      ),
    );
  }
  const rogue = app(
    b,
    'Voicemail relay',
    urls(`${ATTACKER_HOOKS}/vm/${b.token().slice(0, 8)}.xml`, null, `${ATTACKER_HOOKS}/cdr`),
    b.attack(),
  );
  b.state.applications.push(...ours, rogue);
  b.plant({
    kind: 'application',
    id: rogue.sid,
    summary: `TwiML app "Voicemail relay" fetches from ${ATTACKER_HOST}`,
    value: ATTACKER_HOST,
  });
  return ours[0]?.sid ?? null;
}

/**
 * `count` numbers: a third answered by the first legitimate app, the rest by voice URLs on the
 * trusted host; `repointed` of them had their voice URL moved to the attacker's host in the window.
 */
export function seedNumbers(b: SeedBuilder, count: number, repointed: number, appSid: string | null): void {
  const seen = new Set<string>();
  const attacked = new Set(b.random.sample(count, repointed));
  for (let i = 0; i < count; i += 1) {
    let phone = '';
    do phone = `+1${b.random.pick(OWN_AREA_CODES)}555${b.random.digits(4)}`;
    while (seen.has(phone) && seen.size < OWN_AREA_CODES.length * 10_000);
    seen.add(phone);
    const byApp = appSid !== null && i % 3 === 0;
    const number: SimIncomingPhoneNumber = {
      sid: b.sid('PN'),
      phone_number: phone,
      friendly_name: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
      ...urls(
        byApp ? null : `${TRUSTED_TWIML}/inbound/voice.xml`,
        `${TRUSTED_HOOKS}/sms`,
        `${TRUSTED_HOOKS}/status`,
      ),
      voice_application_sid: byApp ? appSid : null,
      sms_application_sid: null,
      trunk_sid: null,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      origin: 'twilio',
      status: 'in-use',
      ...b.legit(),
    };
    if (attacked.has(i)) {
      number.voice_url = `${ATTACKER_HOOKS}/fwd/${b.random.digits(6)}.xml`;
      number.voice_application_sid = null;
      number.date_updated = b.attackTime();
      b.plant({
        kind: 'incoming_phone_number',
        id: number.sid,
        summary: `${phone} answers calls from ${ATTACKER_HOST}`,
        value: ATTACKER_HOST,
      });
    }
    b.state.incomingPhoneNumbers.push(number);
  }
}
