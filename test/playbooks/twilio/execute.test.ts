import { describe, expect, it } from 'vitest';
import { TwilioPlaybookError } from '../../../src/playbooks/twilio/index.js';
import { ProviderError } from '../../../src/providers/http/index.js';
import { plantedTwilioIdsByKind, unresolvedTwilioChanges } from '../../../src/sandbox/twilio/index.js';
import { AUTOMATED, executeAll, harness, remediate, seeded, step } from './twilio-kit.js';

/** Writes each action of these kinds makes: the Auth Token rotation creates and promotes. */
const WRITES_PER_ACTION: Record<string, number> = { rotate_auth_token: 2, rotate_subaccount_token: 2 };
/** Kinds that make a new resource: their write lands on the new SID, not on the target. */
const CREATES = new Set(['create_api_key', 'create_usage_trigger']);

describe('Twilio playbook execution against the simulator', () => {
  it('when every plan is executed, then no planted change is left in effect', async () => {
    const h = harness(seeded({ numbers: 40, repointed: 3 }));
    expect(unresolvedTwilioChanges(h.sim).length).toBeGreaterThan(0);
    await remediate(h);
    expect(unresolvedTwilioChanges(h.sim)).toEqual([]);
  });

  it('when a plan is executed, then each action writes only its own target, once (a create: one new resource)', async () => {
    const h = harness();
    // Trunk and SIP-domain sub-resources and the bulk geo updates are counted by the simulator under another key;
    // their writes are checked one by one in sip-trunks-and-domains.test.ts, contain-now.test.ts and the voice e2e.
    const countedByParent = new Set([
      'twilio.remove-rogue-sip-trunks',
      'twilio.remove-sip-domain-mappings',
      'twilio.close-geo-permissions',
      'twilio.contain-now',
    ]);
    for (const s of AUTOMATED.filter((d) => !countedByParent.has(d.id))) {
      const { actions } = await s.discover(h.ctx);
      h.sim.stats.reset();
      await executeAll(s, h.ctx, actions);
      const targets = new Set(actions.filter((a) => !CREATES.has(a.kind)).map((a) => a.target));
      for (const a of actions) {
        if (CREATES.has(a.kind)) continue;
        if (a.kind === 'remove_sip_domain_mapping') {
          // The legacy and the Auth/Calls paths may name one mapping: the second removal finds it
          // gone (404, done) and writes nothing; never more than one write.
          expect(h.sim.stats.writesTo(a.target), `${s.id} ${a.description}`).toBeLessThanOrEqual(1);
          continue;
        }
        expect(h.sim.stats.writesTo(a.target), `${s.id} ${a.description}`).toBe(
          WRITES_PER_ACTION[a.kind] ?? 1,
        );
      }
      // A domain mapping removed on its Auth/Calls path is counted under that path's own key.
      if (s.id === 'twilio.remove-sip-domain-mappings') continue;
      const created = Object.keys(h.sim.stats.writes).filter((sid) => !targets.has(sid));
      expect(created.length, s.id).toBe(actions.filter((a) => CREATES.has(a.kind)).length);
      for (const sid of created) expect(h.sim.stats.writesTo(sid), s.id).toBe(1);
    }
  });

  it('when execute runs a second time with recheck, then nothing is written again', async () => {
    const h = harness();
    const plans = await remediate(h);
    const writes = h.sim.stats.snapshot().writes;
    for (const { step: s, actions } of plans) await executeAll(s, h.ctx, actions, true);
    expect(h.sim.stats.snapshot().writes).toEqual(writes);
    expect(unresolvedTwilioChanges(h.sim)).toEqual([]);
  });

  it('when the account has been cleaned, then every review step rediscovers an empty plan with nothing suspicious', async () => {
    const h = harness();
    await remediate(h);
    for (const s of AUTOMATED) {
      // Rotations always plan again; past Monitor events stay in the log, to be reviewed, not undone.
      const always = [
        'twilio.rotate-auth-token',
        'twilio.rotate-subaccount-tokens',
        'twilio.rotate-sip-credentials',
      ];
      if (always.includes(s.id) || s.id === 'twilio.review-account-settings') continue;
      const d = await s.discover(h.ctx);
      expect(d.actions, s.id).toEqual([]);
      expect(
        d.findings.filter((f) => f.suspicious),
        s.id,
      ).toEqual([]);
      expect(d.summary, s.id).toMatch(/^Nothing found/);
    }
  });

  it('when a write landed but its answer was lost (5xx after applying), then the retry with recheck writes nothing', async () => {
    const h = harness();
    const s = step('twilio.reset-number-webhooks');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed repoints a number');
    h.sim.faults.failNext(1, 502, { afterApply: true });
    const first = await s.execute(h.ctx, action, { recheck: false }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProviderError);
    expect((first as ProviderError).outcomeUnknown).toBe(true);
    const again = await s.execute(h.ctx, action, { recheck: true });
    expect(again.result).toMatchObject({ note: 'already clear' });
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });

  it.each([
    ['twilio.revoke-api-keys'],
    ['twilio.suspend-subaccounts'],
    ['twilio.remove-unknown-sip-ips'],
    ['twilio.reset-twiml-app-urls'],
    ['twilio.add-usage-trigger'],
    ['twilio.rotate-sip-credentials'],
    ['twilio.rotate-auth-token'],
  ])('when %s is rechecked after its write already happened, then it issues no second write', async (id) => {
    const h = harness();
    const s = step(id);
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error(`${id} plans nothing on the seed`);
    await s.execute(h.ctx, action, { recheck: false });
    const writes = h.sim.stats.totalWrites();
    await s.execute(h.ctx, action, { recheck: true });
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when a recheck finds the change not made yet, then it writes once', async () => {
    const h = harness();
    const s = step('twilio.suspend-subaccounts');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants a subaccount');
    const out = await s.execute(h.ctx, action, { recheck: true });
    expect(out.result).toEqual({ status: 'suspended' });
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });

  it('when an address or key was removed by someone else first, then removing it counts as done', async () => {
    const h = harness();
    const ips = step('twilio.remove-unknown-sip-ips');
    const [ipAction] = (await ips.discover(h.ctx)).actions;
    const keys = step('twilio.revoke-api-keys');
    const [keyAction] = (await keys.discover(h.ctx)).actions;
    if (!ipAction || !keyAction) throw new Error('the seed plants an IP and a key');
    h.sim.state.ipAddresses = h.sim.state.ipAddresses.filter((ip) => ip.sid !== ipAction.target);
    h.sim.state.keys = h.sim.state.keys.filter((k) => k.sid !== keyAction.target);
    expect((await ips.execute(h.ctx, ipAction, { recheck: false })).result).toEqual({
      removed: true,
      note: 'already gone',
    });
    expect((await keys.execute(h.ctx, keyAction, { recheck: false })).result).toEqual({
      deleted: true,
      note: 'already gone',
    });
  });

  it('when Twilio refuses a write, then execute rejects with a ProviderError naming the operation', async () => {
    const h = harness();
    const s = step('twilio.reset-twiml-app-urls');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the seed plants an app');
    h.sim.faults.failNext(1, 404);
    const err = await s.execute(h.ctx, action, { recheck: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'provider_not_found', operation: 'update TwiML application' });
  });

  it('when an action of an unknown kind or without its params reaches a step, then it fails with a typed error and sends nothing', async () => {
    const h = harness();
    const unknown = await step('twilio.suspend-subaccounts')
      .execute(
        h.ctx,
        { kind: 'close_everything', target: 'x', params: {}, description: 'x' },
        { recheck: false },
      )
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(TwilioPlaybookError);
    expect(unknown).toMatchObject({ code: 'twilio_unknown_action' });
    const [ip] = plantedTwilioIdsByKind(h.sim).ip_address;
    const bad = await step('twilio.remove-unknown-sip-ips')
      .execute(
        h.ctx,
        { kind: 'remove_sip_ip', target: ip ?? '', params: {}, description: 'Remove it' },
        { recheck: false },
      )
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'twilio_bad_action_params' });
    expect(h.sim.stats.requests).toBe(0);
  });
});
