import type { SimIpAddress } from '../account-state.js';
import type { SeedBuilder } from './seed-builder.js';
import { ATTACKER_IP } from './seed-trusted.js';

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A password that meets Twilio's rule (≥12 characters, a digit, mixed case). */
function password(b: SeedBuilder): string {
  let out = 'Aa1';
  for (let i = 0; i < 17; i += 1) out += LETTERS[b.random.int(0, LETTERS.length - 1)];
  return out;
}

/** `lists` credential lists of `perList` desk-phone credentials each, all legitimate and old. */
export function seedCredentialLists(b: SeedBuilder, lists: number, perList: number): void {
  const names = ['Office phones', 'Softphones'];
  for (let l = 0; l < lists; l += 1) {
    const list = { sid: b.sid('CL'), friendly_name: names[l] ?? `Site ${l + 1} phones`, ...b.legit() };
    b.state.credentialLists.push(list);
    for (let c = 0; c < perList; c += 1) {
      b.state.credentials.push({
        sid: b.sid('CR'),
        credential_list_sid: list.sid,
        username: `desk${l + 1}${String(c + 1).padStart(3, '0')}`,
        password: password(b),
        ...b.legit(),
      });
    }
  }
}

function address(b: SeedBuilder, aclSid: string, ip: string, prefix: number, name: string): SimIpAddress {
  return {
    sid: b.sid('IP'),
    ip_access_control_list_sid: aclSid,
    friendly_name: name,
    ip_address: ip,
    cidr_prefix_length: prefix,
    ...b.legit(),
  };
}

/**
 * IP access control lists: "Office PBX" with the office's addresses and, since the incident began,
 * the attacker's; "Datacenter" with the trusted /29; and `extraSites` more, each with two trusted
 * addresses.
 */
export function seedIpAccessControlLists(b: SeedBuilder, extraSites: number): void {
  const office = { sid: b.sid('AL'), friendly_name: 'Office PBX', ...b.legit() };
  const datacenter = { sid: b.sid('AL'), friendly_name: 'Datacenter', ...b.legit() };
  b.state.ipAccessControlLists.push(office, datacenter);
  b.state.ipAddresses.push(
    address(b, office.sid, '203.0.113.10', 32, 'PBX primary'),
    address(b, office.sid, '203.0.113.11', 32, 'PBX standby'),
    address(b, datacenter.sid, '198.51.100.0', 29, 'DC range'),
  );
  const rogue: SimIpAddress = { ...address(b, office.sid, ATTACKER_IP, 32, 'pbx-failover'), ...b.attack() };
  b.state.ipAddresses.push(rogue);
  b.plant({
    kind: 'ip_address',
    id: rogue.sid,
    summary: `${ATTACKER_IP} added to IP access control list "Office PBX"`,
    value: ATTACKER_IP,
  });
  for (let s = 0; s < extraSites; s += 1) {
    const site = { sid: b.sid('AL'), friendly_name: `Branch ${s + 1}`, ...b.legit() };
    b.state.ipAccessControlLists.push(site);
    const host = 20 + (s % 50) * 2;
    b.state.ipAddresses.push(
      address(b, site.sid, `203.0.113.${host}`, 32, 'SBC A'),
      address(b, site.sid, `203.0.113.${host + 1}`, 32, 'SBC B'),
    );
  }
}
