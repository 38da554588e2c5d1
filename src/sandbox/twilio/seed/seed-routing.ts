// Seeds the routing resources: a PBX trunk and a SIP domain, two Messaging Services, geo permissions, and the attacker's changes to them.
import { isoSeconds } from '../list-page-v1.js';
import type { SimTrunkMember } from '../routing-state.js';
import type { SeedBuilder, Stamps } from './seed-builder.js';
import { seedGeo, seedServices } from './seed-messaging.js';
import { ATTACKER_HOOKS, ATTACKER_HOST, ATTACKER_IP, TRUSTED_HOOKS, TRUSTED_TWIML } from './seed-trusted.js';

/** The mapping path the attacker used to let an IP access control list call through the domain. */
const ROGUE_MAPPING = 'Auth/Calls/IpAccessControlListMappings';

const iso = (s: Stamps): Stamps => ({
  date_created: isoSeconds(s.date_created),
  date_updated: isoSeconds(s.date_updated),
});

function member(
  b: SeedBuilder,
  trunk: string,
  kind: SimTrunkMember['member'],
  fields: Partial<SimTrunkMember>,
  stamps: Stamps,
): SimTrunkMember {
  const prefix = kind === 'OriginationUrls' ? 'OU' : kind === 'CredentialLists' ? 'CL' : 'AL';
  return {
    sid: fields.sid ?? b.sid(prefix),
    trunk_sid: trunk,
    member: kind,
    friendly_name: '',
    ...fields,
    ...iso(stamps),
  };
}

function seedTrunks(b: SeedBuilder): void {
  const r = b.state.routing;
  const hq = {
    sid: b.sid('TK'),
    friendly_name: 'Acme HQ PBX',
    domain_name: 'acme-hq.pstn.twilio.com',
    disaster_recovery_url: `${TRUSTED_TWIML}/trunk/dr.xml`,
    disaster_recovery_method: 'POST' as const,
    secure: true,
    cnam_lookup_enabled: false,
    transfer_mode: 'disable-all' as const,
    ...iso(b.legit()),
  };
  const origination = { enabled: true, weight: 10, priority: 10 };
  r.trunks.push(hq);
  r.trunkMembers.push(
    member(
      b,
      hq.sid,
      'OriginationUrls',
      { ...origination, friendly_name: 'HQ SBC', sip_url: 'sip:203.0.113.10:5060' },
      b.legit(),
    ),
  );
  const [phones] = b.state.credentialLists;
  const [office] = b.state.ipAccessControlLists;
  if (phones)
    r.trunkMembers.push(
      member(
        b,
        hq.sid,
        'CredentialLists',
        { sid: phones.sid, friendly_name: phones.friendly_name },
        b.legit(),
      ),
    );
  if (office)
    r.trunkMembers.push(
      member(
        b,
        hq.sid,
        'IpAccessControlLists',
        { sid: office.sid, friendly_name: office.friendly_name },
        b.legit(),
      ),
    );
  const relay = member(
    b,
    hq.sid,
    'OriginationUrls',
    { ...origination, priority: 1, friendly_name: 'failover', sip_url: `sip:pbx.${ATTACKER_HOST}:5060` },
    b.attack(),
  );
  r.trunkMembers.push(relay);
  b.plant({
    kind: 'trunk_origination_url',
    id: relay.sid,
    summary: `origination URL on ${ATTACKER_HOST} added to trunk "Acme HQ PBX"`,
    value: `pbx.${ATTACKER_HOST}`,
  });
  const rogue = {
    ...hq,
    sid: b.sid('TK'),
    friendly_name: 'Carrier backup',
    domain_name: `carrier-${b.random.digits(4)}.pstn.twilio.com`,
    disaster_recovery_url: null,
    secure: false,
    ...iso(b.attack()),
  };
  r.trunks.push(rogue);
  r.trunkMembers.push(
    member(
      b,
      rogue.sid,
      'OriginationUrls',
      { ...origination, friendly_name: 'primary', sip_url: `sip:${ATTACKER_IP}` },
      b.attack(),
    ),
  );
  b.plant({
    kind: 'sip_trunk',
    id: rogue.sid,
    summary: 'SIP trunk "Carrier backup" created after the incident began',
  });
}

function seedDomain(b: SeedBuilder): void {
  const r = b.state.routing;
  const domain = {
    sid: b.sid('SD'),
    friendly_name: 'Acme desk phones',
    domain_name: 'acme-desk.sip.twilio.com',
    voice_url: `${ATTACKER_HOOKS}/sip/${b.token().slice(0, 8)}.xml`,
    voice_method: 'POST' as const,
    voice_fallback_url: null,
    voice_fallback_method: 'POST' as const,
    voice_status_callback_url: `${TRUSTED_HOOKS}/sip-status`,
    voice_status_callback_method: 'POST' as const,
    sip_registration: true,
    emergency_calling_enabled: false,
    secure: true,
    ...b.legit(),
  };
  domain.date_updated = b.attackTime();
  r.sipDomains.push(domain);
  b.plant({
    kind: 'sip_domain',
    id: domain.sid,
    summary: `SIP domain "Acme desk phones" sends calls to ${ATTACKER_HOST}`,
    value: ATTACKER_HOST,
  });
  const [phones] = b.state.credentialLists;
  const [office] = b.state.ipAccessControlLists;
  if (phones) {
    for (const mapping of [
      'CredentialListMappings',
      'Auth/Calls/CredentialListMappings',
      'Auth/Registrations/CredentialListMappings',
    ]) {
      r.domainMappings.push({
        sid: phones.sid,
        domain_sid: domain.sid,
        mapping,
        friendly_name: phones.friendly_name,
        ...b.legit(),
      });
    }
  }
  if (office) {
    r.domainMappings.push({
      sid: office.sid,
      domain_sid: domain.sid,
      mapping: ROGUE_MAPPING,
      friendly_name: office.friendly_name,
      ...b.attack(),
    });
    b.plant({
      kind: 'sip_domain_mapping',
      id: office.sid,
      summary: `IP access control list "${office.friendly_name}" mapped onto SIP domain "Acme desk phones" for calls`,
      value: `${domain.sid}/${ROGUE_MAPPING}`,
    });
  }
}

/** Trunks, a SIP domain, Messaging Services and geo permissions, each with the attacker's change (after the SIP lists are seeded). */
export function seedRouting(b: SeedBuilder): void {
  seedTrunks(b);
  seedDomain(b);
  seedServices(b);
  seedGeo(b);
}
