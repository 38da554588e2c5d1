import { describe, expect, it } from 'vitest';
import type { Discovery } from '../../../src/playbooks/types.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedChanges,
  plantedIdsByKind,
} from '../../../src/sandbox/telnyx/index.js';
import { AUTOMATED, harness, PLANTED_KIND_OF_STEP, seeded, step, suspiciousResources } from './telnyx-kit.js';

describe('Telnyx playbook discovery against the simulator', () => {
  it('when every automated step discovers a seeded account, then each flags exactly the planted changes of its kind and nothing else', async () => {
    const { sim, ctx } = harness();
    const planted = plantedIdsByKind(sim);
    const flagged = new Map<string, string[]>();
    for (const s of AUTOMATED) flagged.set(s.id, suspiciousResources(await s.discover(ctx)));

    const expected = AUTOMATED.map((s) => {
      const kind = PLANTED_KIND_OF_STEP[s.id];
      if (!kind) throw new Error(`no planted kind mapped for ${s.id}`);
      return [
        s.id,
        [kind]
          .flat()
          .flatMap((k) => planted[k])
          .sort(),
      ];
    });
    expect(Object.fromEntries(flagged)).toEqual(Object.fromEntries(expected));
    const everyPlanted = plantedChanges(sim)
      .map((c) => c.id)
      .sort();
    expect([...new Set([...flagged.values()].flat())].sort()).toEqual([...new Set(everyPlanted)].sort());
  });

  it('when discovery runs, then it only reads: the simulator records no write', async () => {
    const { sim, ctx } = harness();
    for (const s of AUTOMATED) await s.discover(ctx);
    expect(sim.stats.totalWrites()).toBe(0);
    expect(Object.keys(sim.stats.byRoute).every((route) => route.startsWith('GET '))).toBe(true);
  });

  it('when the seeded account is discovered, then the review steps plan one action per planted change', async () => {
    const { sim, ctx } = harness();
    const planted = plantedIdsByKind(sim);
    const targets = async (id: string) => (await step(id).discover(ctx)).actions.map((a) => a.target).sort();
    expect(await targets('telnyx.disable-forwarding')).toEqual(planted.call_forwarding);
    expect(await targets('telnyx.review-ip-connections')).toEqual(
      [...planted.ip, ...planted.fqdn_connection].sort(),
    );
    expect(await targets('telnyx.review-call-control-apps')).toEqual(planted.call_control_application);
    expect(await targets('telnyx.review-texml-apps')).toEqual(planted.texml_application);
    expect(await targets('telnyx.set-spend-limits')).toEqual(
      [...planted.outbound_voice_profile, ...planted.messaging_destinations].sort(),
    );
  });

  it('when credentials are discovered, then every connection is rotated and the one created in the window is deactivated instead', async () => {
    const { sim, ctx } = harness(seeded({ credentialConnections: 5 }));
    const rogue = plantedIdsByKind(sim).credential_connection;
    const { actions } = await step('telnyx.rotate-sip-credentials').discover(ctx);
    const byKind = (kind: string) => actions.filter((a) => a.kind === kind).map((a) => a.target);
    expect(byKind('deactivate_credential_connection')).toEqual(rogue);
    expect(byKind('rotate_sip_credentials').sort()).toEqual(
      sim.state.credentialConnections
        .map((c) => c.id)
        .filter((id) => !rogue.includes(id))
        .sort(),
    );
    expect(byKind('delete_telephony_credential')).toEqual([]);
  });

  it('when messaging profiles are discovered, then every profile gets its v1 secret regenerated', async () => {
    const { sim, ctx } = harness();
    const { actions, findings } = await step('telnyx.regenerate-messaging-secret').discover(ctx);
    expect(actions.map((a) => a.target)).toEqual(sim.state.messagingProfiles.map((p) => p.id));
    expect(findings.every((f) => f.suspicious && f.reasons.length > 0)).toBe(true);
  });

  it.each([
    [
      'telnyx.disable-forwarding',
      /^Disable forwarding on \+1 \d{3} 555 \d{4} \(forwards to \+\d{1,3} [\d ]+\)$/,
    ],
    [
      'telnyx.rotate-sip-credentials',
      /^Rotate the SIP username and password of connection “Desk phones \d{3}” \(\d+\)$/,
    ],
    [
      'telnyx.review-ip-connections',
      new RegExp(`^Remove IP ${ATTACKER_IP.replace(/\./g, '\\.')} from connection “Office PBX”$`),
    ],
    [
      'telnyx.review-texml-apps',
      new RegExp(`^Deactivate TeXML app “Voicemail v2” \\(voice_url on ${ATTACKER_HOST}\\)$`),
    ],
    [
      'telnyx.review-call-control-apps',
      new RegExp(
        `^Deactivate Call Control app “Support routing” \\(webhook_event_url on ${ATTACKER_HOST}\\)$`,
      ),
    ],
    [
      'telnyx.set-spend-limits',
      /^Set the limits of outbound profile “Default”: daily \$50\.00 \(now off\), max rate \$0\.10\/min \(now unlimited\), destinations US, CA \(now 14 countries\)$/,
    ],
    [
      'telnyx.regenerate-messaging-secret',
      /^Regenerate the v1 secret of messaging profile “Customer notifications” \(.+\)$/,
    ],
  ])('when %s plans, then its first action reads like the card expects', async (id, pattern) => {
    const { ctx } = harness();
    const { actions } = await step(id).discover(ctx);
    expect(actions[0]?.description).toMatch(pattern);
  });

  it('when plans are drawn, then no planned action, finding or summary holds a password or v1 secret of the account', async () => {
    const { sim, ctx } = harness();
    const secrets = [
      ...sim.state.credentialConnections.map((c) => c.password),
      ...sim.state.telephonyCredentials.map((t) => t.sip_password),
      ...sim.state.messagingProfiles.map((p) => p.v1_secret),
    ];
    expect(secrets.length).toBeGreaterThan(3);
    const shown = JSON.stringify(await Promise.all(AUTOMATED.map((s) => s.discover(ctx))));
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it('when a suspicious finding is reported, then it says why', async () => {
    const { ctx } = harness();
    for (const s of AUTOMATED) {
      const { findings } = await s.discover(ctx);
      for (const f of findings.filter((x) => x.suspicious))
        expect(f.reasons.length, `${s.id} ${f.summary}`).toBeGreaterThan(0);
    }
  });

  it('when no trusted hosts or IPs are configured, then only the planted IPs and apps are acted on and every other address and active app is flagged for review', async () => {
    const { sim, ctx } = harness(seeded(), { trusted: { hosts: [], ips: [], numbers: [] } });
    const planted = plantedIdsByKind(sim);
    const targets = (d: Discovery) => d.actions.map((a) => a.target).sort();
    const ips = await step('telnyx.review-ip-connections').discover(ctx);
    expect(targets(ips)).toEqual([...planted.ip, ...planted.fqdn_connection].sort());
    expect(suspiciousResources(ips)).toEqual(
      [
        ...sim.state.ips.map((ip) => ip.id),
        ...sim.state.fqdns.map((f) => f.id),
        ...planted.fqdn_connection,
      ].sort(),
    );
    expect(ips.summary).toContain('RECLAIM_TRUSTED_IPS');
    const cc = await step('telnyx.review-call-control-apps').discover(ctx);
    expect(targets(cc)).toEqual(planted.call_control_application);
    expect(suspiciousResources(cc)).toEqual(sim.state.callControlApplications.map((a) => a.id).sort());
    const texml = await step('telnyx.review-texml-apps').discover(ctx);
    expect(targets(texml)).toEqual(planted.texml_application);
    expect(suspiciousResources(texml)).toEqual(sim.state.texmlApplications.map((a) => a.id).sort());
    expect(texml.summary).toContain('RECLAIM_TRUSTED_HOSTS is not set');
  });

  it('when the trusted numbers are not configured, then forwarding to outside numbers is flagged too, but never forwarding to the account’s own numbers', async () => {
    const { sim, ctx } = harness(seeded({ numbers: 80, forwarding: 4 }), {
      trusted: { hosts: [], ips: [], numbers: [] },
    });
    const { findings } = await step('telnyx.disable-forwarding').discover(ctx);
    const own = new Set(sim.state.phoneNumbers.map((n) => n.phone_number));
    const flagged = findings.filter((f) => f.suspicious).map((f) => f.resource);
    expect(flagged).toEqual(expect.arrayContaining(plantedIdsByKind(sim).call_forwarding));
    for (const n of sim.state.phoneNumbers) {
      const to = n.voice.call_forwarding.forwards_to;
      if (to && own.has(to)) expect(flagged).not.toContain(n.id);
    }
  });
});
