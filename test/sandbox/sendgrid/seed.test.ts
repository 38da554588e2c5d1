import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../src/playbooks/kit/trust.js';
import {
  domainIsKnown,
  domainOf,
  entryIsTrusted,
  knownDomains,
} from '../../../src/playbooks/sendgrid/index.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  SEED_TRUSTED,
  SENDGRID_PLANTED_KINDS,
  seedAttackedSendgridAccount,
  sendgridPlantedChanges,
  sendgridPlantedIdsByKind,
  unresolvedSendgridPlantedChanges,
} from '../../../src/sandbox/sendgrid/index.js';
import { NOW, SINCE, seeded } from './sim-kit.js';

describe('the seeded SendGrid account', () => {
  it('when seeded, then every planted kind is there once (spam: one per subject)', () => {
    const byKind = sendgridPlantedIdsByKind(seeded());
    for (const kind of SENDGRID_PLANTED_KINDS) {
      const many = { sent_subject: 3, mail_setting: 2 } as Partial<Record<string, number>>;
      expect(byKind[kind].length, kind).toBe(many[kind] ?? 1);
    }
  });

  it('when seeded twice with the same seed, now and since, then the accounts are identical', () => {
    expect(seeded().toJSON()).toEqual(seeded().toJSON());
    expect(seeded({ seed: 8 }).toJSON()).not.toEqual(seeded().toJSON());
  });

  it('when seeded, then every planted change except the evidence is unresolved', () => {
    const sim = seeded();
    const unresolved = unresolvedSendgridPlantedChanges(sim).map((c) => c.kind);
    expect(unresolved.sort()).toEqual([
      'alert',
      'allowed_ip',
      'api_key',
      'authenticated_domain',
      'branded_link',
      'event_webhook',
      'mail_setting',
      'mail_setting',
      'pending_invite',
      'subuser',
      'teammate',
      'verified_sender',
    ]);
  });

  it('when the attacker’s things are compared with SEED_TRUSTED, then none is trusted and every legitimate one is', () => {
    const { state } = seeded();
    const domains = knownDomains(state.email, SEED_TRUSTED.hosts);
    const planted = new Set(sendgridPlantedChanges(seeded()).map((c) => c.id));
    for (const t of state.teammates)
      expect(domainIsKnown(domainOf(t.email), domains), t.email).toBe(!planted.has(t.username));
    for (const s of state.subusers)
      expect(domainIsKnown(domainOf(s.email), domains), s.email).toBe(!planted.has(s.username));
    for (const e of state.allowList)
      expect(entryIsTrusted(e.ip, SEED_TRUSTED.ips), e.ip).toBe(e.ip !== ATTACKER_IP);
    for (const w of state.eventWebhooks) {
      const trusted = (SEED_TRUSTED.hosts as readonly string[]).includes(hostOf(w.url)?.hostname ?? '');
      expect(trusted, w.url).toBe(hostOf(w.url)?.hostname !== ATTACKER_HOST);
    }
    for (const v of state.verifiedSenders)
      expect(domainIsKnown(domainOf(v.from_email), domains), v.from_email).toBe(
        !planted.has(`sender:${v.id}`),
      );
    for (const d of state.authenticatedDomains)
      expect(domainIsKnown(d.domain, domains), d.domain).toBe(!planted.has(`domain:${d.id}`));
    for (const l of state.brandedLinks)
      expect(domainIsKnown(l.domain, domains), l.domain).toBe(!planted.has(`link:${l.id}`));
    for (const a of state.alerts)
      expect(domainIsKnown(domainOf(a.email_to), domains), a.email_to).toBe(!planted.has(`alert:${a.id}`));
  });

  it('when seeded, then the attacker’s changes fall in the window and the legitimate ones before it', () => {
    const { state } = seeded();
    const attackerRule = state.allowList.find((e) => e.ip === ATTACKER_IP);
    expect((attackerRule?.created_at ?? 0) * 1000).toBeGreaterThanOrEqual(SINCE.getTime());
    for (const e of state.allowList.filter((x) => x.ip !== ATTACKER_IP))
      expect(e.created_at * 1000).toBeLessThan(SINCE.getTime());
    const hook = state.eventWebhooks.find((w) => w.url.includes(ATTACKER_HOST));
    expect(Date.parse(hook?.created_date ?? '')).toBeGreaterThanOrEqual(SINCE.getTime());
    expect(Date.parse(hook?.created_date ?? '')).toBeLessThan(NOW.getTime());
  });

  it('when a larger account is asked for, then it has that many of each', () => {
    const sim = seeded({ apiKeys: 40, teammates: 700, subusers: 150, messages: 3000, extraAllowedIps: 30 });
    expect(sim.state.apiKeys).toHaveLength(42);
    expect(sim.state.teammates).toHaveLength(702);
    expect(sim.state.subusers).toHaveLength(151);
    expect(sim.state.messages).toHaveLength(3060);
    expect(sim.state.allowList).toHaveLength(34);
    expect(new Set(sim.state.allowList.map((e) => e.ip)).size).toBe(34);
  });

  it.each([
    ['since after now', { since: new Date('2026-03-02T00:00:00Z') }],
    ['a negative count', { teammates: -1 }],
    ['a key without an id', { apiKey: 'not-a-sendgrid-key' }],
  ])('when seeded with %s, then it refuses with simulator_bad_options', (_what, options) => {
    expect(() => seedAttackedSendgridAccount({ now: NOW, ...options })).toThrow(
      expect.objectContaining({ code: 'simulator_bad_options' }),
    );
  });
});
