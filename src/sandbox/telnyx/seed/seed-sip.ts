import type {
  SimCredentialConnection,
  SimFqdn,
  SimFqdnConnection,
  SimIp,
  SimIpConnection,
  SimTelephonyCredential,
} from '../account-state.js';
import { digestOf, type SeedBuilder } from './seed-builder.js';
import { ATTACKER_IP, LEGIT_IPS, SEED_TRUSTED, TRUSTED_HOOKS } from './seed-trusted.js';

export interface SeededSip {
  /** Legitimate connections numbers may point at. */
  legitConnectionIds: string[];
}

/**
 * Credential connections (all but one legitimate and old; the attacker's new, unrestricted and
 * linked to the loosened outbound profile), one IP connection whose allow-list gained the
 * attacker's address, one FQDN connection, and an on-demand SIP credential.
 */
export function seedSip(
  b: SeedBuilder,
  options: { credentialConnections: number; legitProfileId: string; plantedProfileId: string },
): SeededSip {
  const legit: string[] = [];
  for (let i = 1; i < options.credentialConnections; i += 1) {
    const n = String(i).padStart(3, '0');
    const c = b.make<SimCredentialConnection>('credential_connection', 'int64', b.legit(), {
      connection_name: `Desk phones ${n}`,
      user_name: `acmedesk${n}`,
      password: b.random.token(24),
      webhook_event_url: `${TRUSTED_HOOKS}/telnyx/sip/${n}`,
      outbound: { outbound_voice_profile_id: options.legitProfileId },
    });
    b.state.credentialConnections.push(c);
    legit.push(c.id);
  }

  const at = b.attack();
  const password = b.random.token(16);
  const rogue = b.make<SimCredentialConnection>(
    'credential_connection',
    'int64',
    { created: at, updated: at },
    {
      connection_name: 'sip-trunk-backup',
      user_name: `trunk${b.random.digits(6)}`,
      password,
      sip_uri_calling_preference: 'unrestricted',
      outbound: { outbound_voice_profile_id: options.plantedProfileId },
    },
  );
  b.state.credentialConnections.push(rogue);
  b.plant(
    {
      kind: 'credential_connection',
      id: rogue.id,
      summary: `credential connection "${rogue.connection_name}" created after the incident began`,
      secretDigest: digestOf(password),
    },
    {
      at,
      changeType: 'create',
      changes: [{ field: 'connection_name', from: null, to: rogue.connection_name }],
    },
  );

  const office = b.make<SimIpConnection>('ip_connection', 'int64', b.legit(), {
    connection_name: 'Office PBX',
    webhook_event_url: `${TRUSTED_HOOKS}/telnyx/pbx`,
    inbound: { sip_subdomain: 'acme-office', sip_subdomain_receive_settings: 'only_my_connections' },
    outbound: { outbound_voice_profile_id: options.legitProfileId },
  });
  b.state.ipConnections.push(office);
  legit.push(office.id);
  for (const address of LEGIT_IPS) {
    b.state.ips.push(
      b.make<SimIp>('ip', 'uuid', b.legit(), { connection_id: office.id, ip_address: address }),
    );
  }
  const ipAt = b.attack();
  const unknown = b.make<SimIp>(
    'ip',
    'uuid',
    { created: ipAt, updated: ipAt },
    { connection_id: office.id, ip_address: ATTACKER_IP },
  );
  b.state.ips.push(unknown);
  b.plant(
    {
      kind: 'ip',
      id: unknown.id,
      summary: `${ATTACKER_IP} added to IP connection "Office PBX"`,
      value: ATTACKER_IP,
    },
    { at: ipAt, changeType: 'create', changes: [{ field: 'ip_address', from: null, to: ATTACKER_IP }] },
  );

  const branch = b.make<SimFqdnConnection>('fqdn_connection', 'int64', b.legit(), {
    connection_name: 'Branch SBC',
    webhook_event_url: `${TRUSTED_HOOKS}/telnyx/branch`,
    outbound: { outbound_voice_profile_id: options.legitProfileId },
  });
  b.state.fqdnConnections.push(branch);
  legit.push(branch.id);
  b.state.fqdns.push(
    b.make<SimFqdn>('fqdn', 'int64', b.legit(), {
      connection_id: branch.id,
      fqdn: SEED_TRUSTED.hosts[1],
      dns_record_type: 'a',
    }),
  );

  const firstDesk = b.state.credentialConnections[0];
  if (firstDesk && firstDesk.id !== rogue.id) {
    b.state.telephonyCredentials.push(
      b.make<SimTelephonyCredential>('credential', 'uuid', b.legit(), {
        name: 'Softphone (reception)',
        connection_id: firstDesk.id,
        tag: 'softphone',
      }),
    );
  }
  return { legitConnectionIds: legit };
}
