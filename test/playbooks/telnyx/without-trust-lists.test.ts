import { describe, expect, it } from 'vitest';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedIdsByKind,
  TelnyxSimulator,
} from '../../../src/sandbox/telnyx/index.js';
import { harness, NOW, seeded, step, suspiciousResources } from './telnyx-kit.js';

const NONE = { hosts: [], ips: [], numbers: [] };
const CANNOT_TELL_HOST =
  'RECLAIM_TRUSTED_HOSTS is not set, so Reclaim cannot tell whether this host is yours';

/** The seeded account as if the incident began only now: every planted change predates the window. */
function blind() {
  return harness(seeded(), { trusted: NONE, since: NOW });
}

describe('Telnyx discovery when the trust lists are not set', () => {
  it.each([
    ['telnyx.review-call-control-apps', 'call_control_application', 'Call Control apps'],
    ['telnyx.review-texml-apps', 'texml_application', 'TeXML apps'],
  ] as const)(
    'when no trusted hosts are set and the attacker’s app predates the window, then %s flags it for review naming its host, plans nothing and does not say "Nothing found"',
    async (id, kind, nouns) => {
      const { sim, ctx } = blind();
      const d = await step(id).discover(ctx);
      const [planted] = plantedIdsByKind(sim)[kind];
      const finding = d.findings.find((f) => f.resource === planted);
      expect(finding?.suspicious).toBe(true);
      expect(finding?.reasons).toEqual([`calls ${ATTACKER_HOST}; ${CANNOT_TELL_HOST}`]);
      expect(d.actions).toEqual([]);
      expect(d.summary).not.toMatch(/^Nothing found/);
      expect(d.summary).toBe(
        `2 active ${nouns} call hosts Reclaim cannot judge (RECLAIM_TRUSTED_HOSTS is not set): check them below, or set it and rediscover.`,
      );
    },
  );

  it('when no trusted hosts are set, then an app changed in the window is still deactivated and the summary sends the reader to the other one', async () => {
    const { sim, ctx } = harness(seeded(), { trusted: NONE });
    const d = await step('telnyx.review-call-control-apps').discover(ctx);
    expect(d.actions.map((a) => a.target)).toEqual(plantedIdsByKind(sim).call_control_application);
    expect(suspiciousResources(d)).toEqual(sim.state.callControlApplications.map((a) => a.id).sort());
    expect(d.summary).toBe(
      'Deactivate 1 of 2 Call Control apps, flagged for changes after the incident began. 1 other active Call Control app calls a host Reclaim cannot judge (RECLAIM_TRUSTED_HOSTS is not set): check it below, or set it and rediscover.',
    );
  });

  it('when no trusted hosts are set and every app is inactive, then none needs review and the summary says "Nothing found"', async () => {
    const { sim, ctx } = blind();
    for (const app of sim.state.callControlApplications) app.active = false;
    const d = await step('telnyx.review-call-control-apps').discover(ctx);
    expect(d.findings.filter((f) => f.suspicious)).toEqual([]);
    expect(d.summary).toMatch(/^Nothing found: none of 2 Call Control apps is active and calls a host/);
  });

  it('when no trusted IPs or hosts are set and the attacker’s IP predates the window, then every IP and FQDN is flagged for review naming it, and nothing is removed', async () => {
    const { sim, ctx } = blind();
    const d = await step('telnyx.review-ip-connections').discover(ctx);
    const [planted] = plantedIdsByKind(sim).ip;
    expect(d.findings.find((f) => f.resource === planted)?.reasons).toEqual([
      `allows ${ATTACKER_IP}; RECLAIM_TRUSTED_IPS is not set, so Reclaim cannot tell whether this address is yours`,
    ]);
    const [fqdn] = sim.state.fqdns;
    expect(d.findings.find((f) => f.resource === fqdn?.id)?.reasons).toEqual([
      `allows ${fqdn?.fqdn}; neither RECLAIM_TRUSTED_HOSTS nor RECLAIM_TRUSTED_IPS is set, so Reclaim cannot tell whether this address is yours`,
    ]);
    expect(suspiciousResources(d)).toEqual(
      [...sim.state.ips.map((ip) => ip.id), ...sim.state.fqdns.map((f) => f.id)].sort(),
    );
    expect(d.actions).toEqual([]);
    expect(d.summary).toBe(
      '5 addresses allowed on your connections cannot be judged (RECLAIM_TRUSTED_IPS and RECLAIM_TRUSTED_HOSTS are not set): check them below, or set them and rediscover.',
    );
  });

  it('when the trust lists are set, then the same account is judged as before: only the attacker’s changes are flagged, each with its action', async () => {
    const { sim, ctx } = harness(seeded(), { since: NOW });
    const planted = plantedIdsByKind(sim);
    const expected = {
      'telnyx.review-call-control-apps': [
        planted.call_control_application,
        'Deactivate 1 of 2 Call Control apps, flagged for a host not in RECLAIM_TRUSTED_HOSTS.',
      ],
      'telnyx.review-texml-apps': [
        planted.texml_application,
        'Deactivate 1 of 2 TeXML apps, flagged for a host not in RECLAIM_TRUSTED_HOSTS.',
      ],
      'telnyx.review-ip-connections': [planted.ip, '1 of 4 IPs and 0 of 1 FQDN are not yours: remove them.'],
    } as const;
    for (const [id, [ids, summary]] of Object.entries(expected)) {
      const d = await step(id).discover(ctx);
      expect(suspiciousResources(d), id).toEqual(ids);
      expect(d.actions.map((a) => a.target).sort(), id).toEqual(ids);
      expect(d.summary, id).toBe(summary);
    }
  });

  it('when the account holds no apps, IPs or FQDNs and no trust list is set, then each step still says "Nothing found"', async () => {
    const { ctx } = harness(TelnyxSimulator.empty('KEYempty', { rateLimit: null }), { trusted: NONE });
    for (const id of [
      'telnyx.review-call-control-apps',
      'telnyx.review-texml-apps',
      'telnyx.review-ip-connections',
    ]) {
      const d = await step(id).discover(ctx);
      expect(d.findings, id).toEqual([]);
      expect(d.summary, id).toMatch(/^Nothing found: /);
    }
  });
});
