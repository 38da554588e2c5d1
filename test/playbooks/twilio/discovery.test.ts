import { describe, expect, it } from 'vitest';
import { isContainStepKey } from '../../../src/domain/containment.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedTwilioChanges,
  plantedTwilioIdsByKind,
} from '../../../src/sandbox/twilio/index.js';
import { AUTOMATED, harness, PLANTED_KIND_OF_STEP, seeded, step, suspiciousResources } from './twilio-kit.js';

describe('Twilio discovery against the seeded account', () => {
  it('when every step discovers, then the suspicious findings are exactly the planted changes', async () => {
    const h = harness(seeded({ numbers: 40, repointed: 3 }));
    const found: string[] = [];
    // Contain now stops whatever is open now (a country not in use, the planted or not): contain-now.test.ts.
    for (const s of AUTOMATED.filter((d) => !isContainStepKey(d.id)))
      found.push(...suspiciousResources(await s.discover(h.ctx)));
    expect(found.sort()).toEqual(
      plantedTwilioChanges(h.sim)
        .map((c) => c.id)
        .sort(),
    );
  });

  it.each(Object.entries(PLANTED_KIND_OF_STEP))(
    'when %s discovers, then it flags its planted kind and nothing else',
    async (id, kind) => {
      const h = harness();
      const d = await step(id).discover(h.ctx);
      const ids = plantedTwilioIdsByKind(h.sim);
      expect(suspiciousResources(d)).toEqual(
        [kind ?? []]
          .flat()
          .flatMap((k) => ids[k])
          .sort(),
      );
    },
  );

  it('when discovery runs, then it writes nothing', async () => {
    const h = harness();
    for (const s of AUTOMATED) await s.discover(h.ctx);
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the webhook steps plan, then each action clears exactly the untrusted fields and says where to set them', async () => {
    const h = harness();
    const [number] = (await step('twilio.reset-number-webhooks').discover(h.ctx)).actions;
    const [app] = (await step('twilio.reset-twiml-app-urls').discover(h.ctx)).actions;
    expect(number?.params).toEqual({ fields: ['VoiceUrl'], hosts: ['relay.callfwd.example.net'] });
    expect(app?.params).toEqual({
      fields: ['VoiceUrl', 'StatusCallback'],
      hosts: ['relay.callfwd.example.net'],
    });
    expect(number?.description).toMatch(
      /^Clear the voice URL of number \+1\d{10} .*; set the right ones in the Console$/,
    );
  });

  it('when the key step plans deletions, then it also plans one replacement key, last of each account', async () => {
    const h = harness();
    const { actions } = await step('twilio.revoke-api-keys').discover(h.ctx);
    // The main account's, then the kept subaccount's (its actions carry its SID as `account`).
    expect(actions.map((a) => a.kind)).toEqual([
      'delete_api_key',
      'create_api_key',
      'delete_api_key',
      'create_api_key',
    ]);
    expect(actions[1]?.params.friendlyName).toMatch(/^Reclaim replacement \d{4}-\d{2}-\d{2}$/);
    expect(actions.map((a) => a.params.account)).toEqual([
      undefined,
      undefined,
      expect.any(String),
      expect.any(String),
    ]);
  });

  // Changed (issue 16): without --since the window is the default 30 days, not "none"; the seed's
  // planted key and subaccount are months before now, so nothing is flagged, and the card says so.
  it('when no incident start is known, then keys and subaccounts are judged against the default 30-day window, and the card says so', async () => {
    const h = harness(seeded(), { since: null });
    for (const id of ['twilio.revoke-api-keys', 'twilio.suspend-subaccounts']) {
      const d = await step(id).discover(h.ctx);
      expect(d.actions, id).toEqual([]);
      expect(d.findings.length, id).toBeGreaterThan(0);
      expect(d.summary, id).toContain(
        'No --since was given, so the incident window is the default: the 30 days',
      );
    }
  });

  it('when no trusted IPs are configured, then IPs are judged by when they were added', async () => {
    const h = harness(seeded(), { trusted: { hosts: [], ips: [], numbers: [] } });
    const d = await step('twilio.remove-unknown-sip-ips').discover(h.ctx);
    expect(d.actions.map((a) => a.params.ipAddress)).toEqual([ATTACKER_IP]);
    expect(d.summary).toContain('RECLAIM_TRUSTED_IPS is not set');
  });

  it('when no trusted hosts are configured, then nothing is cleared and every number with a URL is flagged for a person, the planted one as changed in the window', async () => {
    const h = harness(seeded(), { trusted: { hosts: [], ips: [], numbers: [] } });
    const d = await step('twilio.reset-number-webhooks').discover(h.ctx);
    expect(d.actions).toEqual([]);
    const kept = Object.values(h.sim.state.identity.subaccounts).flatMap((r) => r.incomingPhoneNumbers);
    const withUrl = [...h.sim.state.incomingPhoneNumbers, ...kept].filter((n) =>
      [n.voice_url, n.voice_fallback_url, n.sms_url, n.sms_fallback_url, n.status_callback].some(Boolean),
    );
    expect(withUrl.length).toBeGreaterThan(1);
    expect(suspiciousResources(d)).toEqual(withUrl.map((n) => n.sid).sort());
    const [planted] = plantedTwilioIdsByKind(h.sim).incoming_phone_number;
    expect(d.findings.find((f) => f.resource === planted)?.reasons).toEqual([
      expect.stringMatching(/^changed .*, after the incident began$/),
      expect.stringContaining(`calls ${ATTACKER_HOST}`),
    ]);
    expect(d.summary).toContain('RECLAIM_TRUSTED_HOSTS is not set');
    expect(d.summary).not.toMatch(/^Nothing found/);
    const usage = await step('twilio.add-usage-trigger').discover(h.ctx);
    expect(usage.actions).toEqual([]);
    expect(usage.summary).toMatch(/need a callback URL/);
  });

  it('when the usage step plans, then the daily trigger is twice the pre-incident average and calls a trusted host', async () => {
    const h = harness();
    const d = await step('twilio.add-usage-trigger').discover(h.ctx);
    const baseline = h.sim.state.usage.filter((u) => u.date >= '2026-01-26' && u.date <= '2026-02-24');
    const expected = Math.max(25, Math.ceil((baseline.reduce((s, u) => s + u.price, 0) / 30) * 2)).toFixed(2);
    expect(d.actions).toEqual([
      {
        kind: 'create_usage_trigger',
        target: h.sim.accountSid,
        params: {
          callbackUrl: 'https://hooks.acme-voice.example.com/reclaim/twilio-usage-trigger',
          triggerValue: expected,
          friendlyName: 'Reclaim daily spend alert',
        },
        description: expect.stringContaining(expected),
      },
    ]);
    expect(d.findings.map((f) => f.resource)).toEqual([
      'usage:totalprice:baseline',
      'usage:totalprice:incident',
    ]);
  });

  it('when findings and plans are drawn, then they hold no token, key secret or SIP password', async () => {
    const h = harness();
    const text: string[] = [];
    for (const s of AUTOMATED) text.push(JSON.stringify(await s.discover(h.ctx)));
    const all = text.join('');
    const secrets = [
      h.sim.authToken,
      ...h.sim.state.subaccounts.map((a) => a.auth_token),
      ...h.sim.state.keys.map((k) => k.secret),
      ...h.sim.state.credentials.map((c) => c.password),
    ];
    expect(secrets.filter((s) => all.includes(s))).toEqual([]);
  });
});
