import { describe, expect, it } from 'vitest';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  plantedTwilioIdsByKind,
  TwilioSimulator,
} from '../../../src/sandbox/twilio/index.js';
import { harness, NOW, seeded, step, suspiciousResources } from './twilio-kit.js';

const NONE = { hosts: [], ips: [], numbers: [] };

/** The seeded account as if the incident began only now: every planted change predates the window. */
function blind() {
  return harness(seeded(), { trusted: NONE, since: NOW });
}

describe('Twilio discovery when the trust lists are not set', () => {
  it.each([
    [
      'twilio.reset-number-webhooks',
      'incoming_phone_number',
      // The main account's 24 and the kept subaccount's 2.
      /^26 of 26 numbers call hosts Reclaim cannot judge/,
    ],
    ['twilio.reset-twiml-app-urls', 'application', /^4 of 4 TwiML apps call hosts Reclaim cannot judge/],
  ] as const)(
    'when no trusted hosts are set and the attacker’s URL predates the window, then %s flags it for review naming its host, clears nothing and does not say "Nothing found"',
    async (id, kind, summary) => {
      const { sim, ctx } = blind();
      const d = await step(id).discover(ctx);
      const [planted] = plantedTwilioIdsByKind(sim)[kind];
      const finding = d.findings.find((f) => f.resource === planted);
      expect(finding?.suspicious).toBe(true);
      expect(finding?.reasons).toEqual([
        expect.stringMatching(
          new RegExp(
            `^calls .*${ATTACKER_HOST.replace(/\./g, '\\.')}.*; RECLAIM_TRUSTED_HOSTS is not set, so Reclaim cannot tell whether th(is host is|ese hosts are) yours$`,
          ),
        ),
      ]);
      expect(d.actions).toEqual([]);
      expect(d.summary).not.toMatch(/^Nothing found/);
      expect(d.summary).toMatch(summary);
      expect(d.summary).toContain('(RECLAIM_TRUSTED_HOSTS is not set), so nothing is cleared');
    },
  );

  it('when no trusted hosts are set, then a number with no URL at all needs no review', async () => {
    const { sim, ctx } = blind();
    const [bare] = sim.state.incomingPhoneNumbers;
    if (!bare) throw new Error('the seed has numbers');
    Object.assign(bare, {
      voice_url: null,
      voice_fallback_url: '',
      sms_url: null,
      sms_fallback_url: null,
      status_callback: null,
    });
    const d = await step('twilio.reset-number-webhooks').discover(ctx);
    expect(d.findings.find((f) => f.resource === bare.sid)).toMatchObject({ suspicious: false, reasons: [] });
    expect(d.summary).toMatch(/^25 of 26 numbers call hosts Reclaim cannot judge/);
  });

  it('when no trusted IPs are set and the attacker’s IP predates the window, then every address is flagged for review naming it, and nothing is removed', async () => {
    const { sim, ctx } = blind();
    const d = await step('twilio.remove-unknown-sip-ips').discover(ctx);
    const [planted] = plantedTwilioIdsByKind(sim).ip_address;
    expect(d.findings.find((f) => f.resource === planted)?.reasons).toEqual([
      `allows ${ATTACKER_IP}; RECLAIM_TRUSTED_IPS is not set, so Reclaim cannot tell whether this address is yours`,
    ]);
    expect(suspiciousResources(d)).toEqual(d.findings.map((f) => f.resource).sort());
    expect(d.actions).toEqual([]);
    expect(d.summary).toBe(
      '4 of 4 addresses on your IP access control lists cannot be judged (RECLAIM_TRUSTED_IPS is not set): check them below, or set it and rediscover.',
    );
  });

  it('when no trusted IPs are set, then the address added in the window is still removed and the others are left for review', async () => {
    const { sim, ctx } = harness(seeded(), { trusted: NONE });
    const d = await step('twilio.remove-unknown-sip-ips').discover(ctx);
    expect(d.actions.map((a) => a.target)).toEqual(plantedTwilioIdsByKind(sim).ip_address);
    expect(d.summary).toBe(
      '1 of 4 addresses on your IP access control lists are not yours: remove them. 3 of 4 addresses on your IP access control lists cannot be judged (RECLAIM_TRUSTED_IPS is not set): check them below, or set it and rediscover.',
    );
  });

  it('when the trust lists are set, then the same account is judged as before: only the attacker’s changes are flagged, each with its action', async () => {
    const { sim, ctx } = harness(seeded(), { since: NOW });
    const planted = plantedTwilioIdsByKind(sim);
    const expected = {
      'twilio.reset-number-webhooks': [
        ...planted.incoming_phone_number,
        ...planted.subaccount_phone_number,
      ].sort(),
      'twilio.reset-twiml-app-urls': [...planted.application, ...planted.subaccount_application].sort(),
      'twilio.remove-unknown-sip-ips': planted.ip_address,
    };
    for (const [id, ids] of Object.entries(expected)) {
      const d = await step(id).discover(ctx);
      expect(suspiciousResources(d), id).toEqual(ids);
      expect(d.actions.map((a) => a.target).sort(), id).toEqual(ids);
    }
    expect((await step('twilio.remove-unknown-sip-ips').discover(ctx)).summary).toBe(
      '1 of 4 addresses on your IP access control lists are not yours: remove them.',
    );
  });

  it('when the account holds no numbers, apps or addresses and no trust list is set, then each step still says "Nothing found"', async () => {
    const { ctx } = harness(TwilioSimulator.empty({ rateLimit: null }), { trusted: NONE });
    for (const id of [
      'twilio.reset-number-webhooks',
      'twilio.reset-twiml-app-urls',
      'twilio.remove-unknown-sip-ips',
    ]) {
      const d = await step(id).discover(ctx);
      expect(d.findings, id).toEqual([]);
      expect(d.summary, id).toMatch(/^Nothing found: /);
    }
  });
});
