import { describe, expect, it } from 'vitest';
import {
  REMOVE_ROGUE_SIP_TRUNKS,
  REMOVE_SIP_DOMAIN_MAPPINGS,
  RESET_SIP_DOMAIN_URLS,
  sipUriHost,
} from '../../../src/playbooks/twilio/index.js';
import { ATTACKER_HOST, plantedTwilioIdsByKind } from '../../../src/sandbox/twilio/index.js';
import { executeAll, harness, seeded, step, suspiciousResources } from './twilio-kit.js';

describe('sipUriHost', () => {
  it.each([
    ['sip:pbx.example.com', 'pbx.example.com'],
    ['sips:trunk@PBX.Example.com:5061;transport=tls', 'pbx.example.com'],
    ['sip:203.0.113.10:5060', '203.0.113.10'],
    ['sip:[2001:db8::1]:5060', '2001:db8::1'],
    ['https://pbx.example.com', undefined],
    ['', undefined],
  ])('when the SIP URL is %s, then its host is %s', (uri, host) => {
    expect(sipUriHost(uri)).toBe(host);
  });
});

describe(REMOVE_ROGUE_SIP_TRUNKS, () => {
  it('when the attacker made a trunk and added an origination URL to a trunk of yours, then exactly those two are planned for removal', async () => {
    const h = harness();
    const planted = plantedTwilioIdsByKind(h.sim);
    const d = await step(REMOVE_ROGUE_SIP_TRUNKS).discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target]).sort()).toEqual(
      [
        ['delete_sip_trunk', planted.sip_trunk[0]],
        ['remove_trunk_member', planted.trunk_origination_url[0]],
      ].sort(),
    );
    expect(suspiciousResources(d).sort()).toEqual(
      [...planted.sip_trunk, ...planted.trunk_origination_url].sort(),
    );
    const url = d.findings.find((f) => f.resource === planted.trunk_origination_url[0]);
    expect(url?.summary).toContain(`pbx.${ATTACKER_HOST}`);
    expect(url?.reasons[0]).toBe('not a trusted host');
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the plan runs, then the rogue trunk and the origination URL are gone, the trusted ones stay, and a rerun with recheck writes nothing', async () => {
    const h = harness();
    const s = step(REMOVE_ROGUE_SIP_TRUNKS);
    const { actions } = await s.discover(h.ctx);
    const outcomes = await executeAll(s, h.ctx, actions);
    expect(outcomes.map((o) => o.result)).toEqual(expect.arrayContaining([{ deleted: true }]));
    const planted = plantedTwilioIdsByKind(h.sim);
    expect(h.sim.state.routing.trunks.map((t) => t.sid)).not.toContain(planted.sip_trunk[0]);
    expect(h.sim.state.routing.trunkMembers.map((m) => m.sid)).not.toContain(
      planted.trunk_origination_url[0],
    );
    expect(h.sim.state.routing.trunks).toHaveLength(1);
    expect(h.sim.state.routing.trunkMembers).toHaveLength(3);
    const writes = h.sim.stats.totalWrites();
    const again = await executeAll(s, h.ctx, actions, true);
    expect(again.every((o) => o.result.note === 'already gone')).toBe(true);
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect((await s.discover(h.ctx)).actions).toEqual([]);
  });

  it('when no trusted hosts or IPs are set, then only what was made in the window is planned, and the rest is flagged for a person', async () => {
    const h = harness(seeded(), { trusted: { hosts: [], ips: [], numbers: [] } });
    const d = await step(REMOVE_ROGUE_SIP_TRUNKS).discover(h.ctx);
    expect(d.actions).toHaveLength(2);
    const unjudged = d.findings.filter(
      (f) => f.suspicious && !d.actions.some((a) => a.target === f.resource),
    );
    expect(unjudged.map((f) => f.reasons.join(' '))).toEqual([
      expect.stringContaining('RECLAIM_TRUSTED_IPS is not set'),
    ]);
    expect(d.summary).toContain('cannot be judged');
  });

  it('when a stored plan names a member kind this release does not know, then it fails as bad params and writes nothing', async () => {
    const h = harness();
    const s = step(REMOVE_ROGUE_SIP_TRUNKS);
    const [trunk] = h.sim.state.routing.trunks;
    const action = {
      kind: 'remove_trunk_member',
      target: 'OU00000000000000000000000000000000',
      params: { trunkSid: trunk?.sid ?? '', member: 'PhoneNumbers' },
      description: 'Remove a phone number',
    };
    await expect(s.execute(h.ctx, action, { recheck: false })).rejects.toMatchObject({
      code: 'twilio_bad_action_params',
    });
    expect(h.sim.stats.totalWrites()).toBe(0);
  });
});

describe(RESET_SIP_DOMAIN_URLS, () => {
  it('when a SIP domain’s voice URL is on the attacker’s host, then only that URL is cleared, once', async () => {
    const h = harness();
    const s = step(RESET_SIP_DOMAIN_URLS);
    const d = await s.discover(h.ctx);
    const [domain] = plantedTwilioIdsByKind(h.sim).sip_domain;
    expect(d.actions.map((a) => [a.target, a.params.fields])).toEqual([[domain, ['VoiceUrl']]]);
    await executeAll(s, h.ctx, d.actions);
    const after = h.sim.state.routing.sipDomains.find((x) => x.sid === domain);
    expect(after?.voice_url).toBeNull();
    expect(after?.voice_status_callback_url).toContain('hooks.acme-voice.example.com');
    const again = await executeAll(s, h.ctx, d.actions, true);
    expect(again[0]?.result.note).toBe('already clear');
    expect(h.sim.stats.writes[domain ?? '']).toBe(1);
  });
});

describe(REMOVE_SIP_DOMAIN_MAPPINGS, () => {
  it('when the attacker mapped an IP access control list onto a domain for calls, then that mapping alone is unmapped and the list stays', async () => {
    const h = harness();
    const s = step(REMOVE_SIP_DOMAIN_MAPPINGS);
    const d = await s.discover(h.ctx);
    const [acl] = plantedTwilioIdsByKind(h.sim).sip_domain_mapping;
    expect(d.actions.map((a) => [a.target, a.params.mapping])).toEqual([
      [acl, 'Auth/Calls/IpAccessControlListMappings'],
    ]);
    expect(d.findings.filter((f) => !f.suspicious)).toHaveLength(3);
    await executeAll(s, h.ctx, d.actions);
    expect(h.sim.state.routing.domainMappings.map((m) => m.sid)).not.toContain(acl);
    expect(h.sim.state.ipAccessControlLists.map((l) => l.sid)).toContain(acl);
    const again = await executeAll(s, h.ctx, d.actions, true);
    expect(again[0]?.result.note).toBe('already gone');
    // Without recheck the DELETE is sent and its 404 counts as done.
    const blind = await executeAll(s, h.ctx, d.actions, false);
    expect(blind[0]?.result.note).toBe('already gone');
  });
});
