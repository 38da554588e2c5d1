import { describe, expect, it } from 'vitest';
import { hostIsTrusted, hostOf } from '../../../src/playbooks/kit/trust.js';
import { rangeIsTrusted } from '../../../src/playbooks/twilio/index.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedTwilioChanges,
  plantedTwilioIdsByKind,
  SEED_TRUSTED,
  seedAttackedTwilioAccount,
  TWILIO_PLANTED_KINDS,
  unresolvedTwilioChanges,
} from '../../../src/sandbox/twilio/index.js';
import { NOW, SINCE, seeded } from './sim-kit.js';

const SID = /^(AC|SK|CL|CR|AL|IP|PN|AP)[0-9a-f]{32}$/;

describe('the seeded Twilio account', () => {
  it('when seeded with defaults, then one change of each kind is planted (three Monitor events), all but the events still in effect', () => {
    const sim = seeded();
    const kinds = plantedTwilioChanges(sim).map((c) => c.kind);
    expect(kinds.filter((k) => k !== 'monitor_event').sort()).toEqual(
      TWILIO_PLANTED_KINDS.filter((k) => k !== 'monitor_event').sort(),
    );
    expect(kinds.filter((k) => k === 'monitor_event')).toHaveLength(3);
    // An event is a record of the past: flagged for a person, never "in effect".
    expect(unresolvedTwilioChanges(sim)).toHaveLength(TWILIO_PLANTED_KINDS.length - 1);
  });

  it('when repointed is 5, then five numbers point at the attacker and the rest at trusted hosts', () => {
    const sim = seeded({ numbers: 30, repointed: 5 });
    const repointed = new Set(plantedTwilioIdsByKind(sim).incoming_phone_number);
    expect(repointed.size).toBe(5);
    for (const n of sim.state.incomingPhoneNumbers) {
      const hosts = [n.voice_url, n.sms_url, n.status_callback].flatMap((u) => (u ? [hostOf(u)] : []));
      const foreign = hosts.some((h) => h !== undefined && !hostIsTrusted(h, SEED_TRUSTED.hosts));
      expect(foreign, n.phone_number).toBe(repointed.has(n.sid));
    }
  });

  it('when SEED_TRUSTED is applied, then every legitimate IP is trusted and the planted one is not', () => {
    const sim = seeded({ extraSites: 3 });
    for (const ip of sim.state.ipAddresses) {
      expect(rangeIsTrusted(ip.ip_address, ip.cidr_prefix_length, SEED_TRUSTED.ips), ip.ip_address).toBe(
        ip.ip_address !== ATTACKER_IP,
      );
    }
  });

  it('when the resources are dated, then legitimate ones predate the incident and planted ones follow it', () => {
    const sim = seeded();
    // The kept subaccount is old; only its Auth Token is planted (presumed read through the parent).
    const planted = new Set(
      sim.state.planted.filter((c) => c.kind !== 'subaccount_auth_token').map((c) => c.id),
    );
    const records = [
      ...sim.state.keys,
      ...sim.state.subaccounts,
      ...sim.state.ipAddresses,
      ...sim.state.applications,
      ...sim.state.credentials,
    ];
    for (const r of records) {
      const created = Date.parse(r.date_created);
      if (planted.has(r.sid)) expect(created, r.sid).toBeGreaterThanOrEqual(SINCE.getTime());
      else expect(Date.parse(r.date_updated), r.sid).toBeLessThan(SINCE.getTime());
      expect(r.sid).toMatch(SID);
      expect(r.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    }
  });

  it('when the same seed, now and since are used twice, then the accounts are identical', () => {
    expect(seeded().toJSON()).toEqual(seeded().toJSON());
    expect(seeded({ seed: 43 }).accountSid).not.toBe(seeded().accountSid);
  });

  it('when the planted changes are listed, then none holds a secret', () => {
    const sim = seeded();
    const text = JSON.stringify(plantedTwilioChanges(sim));
    expect(text).not.toContain(sim.authToken);
    for (const k of sim.state.keys) expect(text).not.toContain(k.secret);
    expect(text).toContain(ATTACKER_HOST);
  });

  it.each([
    { options: { numbers: 0 }, message: /numbers must be an integer of at least 1/ },
    { options: { numbers: 2, repointed: 3 }, message: /repointed cannot exceed numbers/ },
    { options: { since: NOW }, message: /since must be before now/ },
    { options: { keys: 1.5 }, message: /keys must be an integer/ },
  ])('when seeded with $options, then it refuses: $message', ({ options, message }) => {
    expect(() => seedAttackedTwilioAccount({ now: NOW, since: SINCE, ...options })).toThrow(message);
  });

  it('when seeded large, then the counts are as asked', () => {
    const sim = seeded({
      numbers: 2500,
      repointed: 40,
      credentialLists: 10,
      credentialsPerList: 20,
      keys: 30,
      extraSites: 15,
    });
    expect(sim.state.incomingPhoneNumbers).toHaveLength(2500);
    expect(new Set(sim.state.incomingPhoneNumbers.map((n) => n.phone_number)).size).toBe(2500);
    expect(sim.state.credentials).toHaveLength(200);
    expect(sim.state.keys).toHaveLength(31);
    expect(sim.state.ipAccessControlLists).toHaveLength(17);
    expect(plantedTwilioIdsByKind(sim).incoming_phone_number).toHaveLength(40);
  });
});
