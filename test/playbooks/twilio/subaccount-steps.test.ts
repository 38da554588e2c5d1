import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/http/index.js';
import { plantedTwilioIdsByKind, unresolvedTwilioChanges } from '../../../src/sandbox/twilio/index.js';
import { sha256Hex } from '../../../src/util/hash.js';
import { executeAll, harness, seeded, step } from './twilio-kit.js';

const ROTATE = 'twilio.rotate-subaccount-tokens';

function staging(h: ReturnType<typeof harness>) {
  const sub = h.sim.state.subaccounts.find((a) => a.friendly_name === 'Acme staging');
  if (!sub) throw new Error('the seed keeps “Acme staging”');
  return { sub, own: h.sim.state.identity.subaccounts[sub.sid]! };
}

describe('rotating the Auth Tokens of the kept subaccounts', () => {
  it('when it discovers, then it plans one rotation per active subaccount made before the window, never the one to suspend or the suspended one', async () => {
    const h = harness();
    const { sub } = staging(h);
    const d = await step(ROTATE).discover(h.ctx);
    expect(d.actions).toEqual([
      expect.objectContaining({
        kind: 'rotate_subaccount_token',
        target: sub.sid,
        params: { friendlyName: 'Acme staging', tokenDigest: sha256Hex(sub.auth_token) },
      }),
    ]);
    const suspendTargets = (await step('twilio.suspend-subaccounts').discover(h.ctx)).actions.map(
      (a) => a.target,
    );
    expect(suspendTargets).not.toContain(sub.sid);
    expect(JSON.stringify(d)).not.toContain(sub.auth_token);
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when it runs, then the subaccount has a new token, the old one is refused, and the new one is only in the sealed secret', async () => {
    const h = harness();
    const { sub } = staging(h);
    const leaked = sub.auth_token;
    const s = step(ROTATE);
    const [outcome] = await executeAll(s, h.ctx, (await s.discover(h.ctx)).actions);
    expect(sub.auth_token).not.toBe(leaked);
    expect(outcome?.secrets).toEqual([
      { label: expect.stringContaining('Acme staging'), value: sub.auth_token },
    ]);
    expect(JSON.stringify(outcome?.result)).not.toContain(sub.auth_token);
    expect(outcome?.rotatedCredential).toBeUndefined();
    // The main account's token and the client's are untouched.
    expect(h.client.authTokenChangedAt()).toBeNull();
    const asSub = h.client.authTokensAs({ accountSid: sub.sid, authToken: leaked });
    await expect(asSub.createSecondary()).rejects.toMatchObject({ status: 401 });
    expect(unresolvedTwilioChanges(h.sim).map((c) => c.kind)).not.toContain('subaccount_auth_token');
    expect(h.logs.text).not.toContain(sub.auth_token);
  });

  it('when a recheck finds the token already rotated, then it writes nothing and seals the current one', async () => {
    const h = harness();
    const { sub } = staging(h);
    const s = step(ROTATE);
    const [action] = (await s.discover(h.ctx)).actions;
    await s.execute(h.ctx, action!, { recheck: false });
    const writes = h.sim.stats.totalWrites();
    const again = await s.execute(h.ctx, action!, { recheck: true });
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect(again.secrets?.[0]?.value).toBe(sub.auth_token);
    expect(again.result).toMatchObject({ rotated: true, note: expect.stringMatching(/already rotated/) });
  });

  it('when a recheck finds the planned token still in place, then it rotates', async () => {
    const h = harness();
    const { sub } = staging(h);
    const leaked = sub.auth_token;
    const s = step(ROTATE);
    const [action] = (await s.discover(h.ctx)).actions;
    const out = await s.execute(h.ctx, action!, { recheck: true });
    expect(sub.auth_token).not.toBe(leaked);
    expect(out.secrets?.[0]?.value).toBe(sub.auth_token);
    expect(h.sim.stats.writesTo(sub.sid)).toBe(2);
  });

  it('when the subaccount was suspended since the plan, then it is left as it is', async () => {
    const h = harness();
    const { sub } = staging(h);
    const s = step(ROTATE);
    const [action] = (await s.discover(h.ctx)).actions;
    sub.status = 'suspended';
    const out = await s.execute(h.ctx, action!, { recheck: false });
    expect(out).toEqual({
      result: { rotated: false, status: 'suspended', note: 'no longer active: left as it is' },
    });
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the promotion’s answer is lost after it landed, then the parent reads that the secondary is primary and seals it', async () => {
    const h = harness();
    const { sub } = staging(h);
    const s = step(ROTATE);
    const [action] = (await s.discover(h.ctx)).actions;
    h.sim.faults.failWhen((r) => r.route === 'POST /v1/AuthTokens/Promote', 502, { afterApply: true });
    const out = await s.execute(h.ctx, action!, { recheck: false });
    expect(out.secrets?.[0]?.value).toBe(sub.auth_token);
  });

  it('when the promotion is refused, then the step fails with the provider’s error and the old token still works', async () => {
    const h = harness();
    const { sub } = staging(h);
    const leaked = sub.auth_token;
    const s = step(ROTATE);
    const [action] = (await s.discover(h.ctx)).actions;
    h.sim.faults.failWhen((r) => r.route === 'POST /v1/AuthTokens/Promote', 404);
    await expect(s.execute(h.ctx, action!, { recheck: false })).rejects.toBeInstanceOf(ProviderError);
    expect(sub.auth_token).toBe(leaked);
  });
});

describe('the kept subaccount’s keys, numbers and apps', () => {
  it('when the account steps discover, then the subaccount’s planted resources are flagged, named by their subaccount, with its SID in the action', async () => {
    const h = harness();
    const { sub } = staging(h);
    const planted = plantedTwilioIdsByKind(h.sim);
    for (const [id, kind] of [
      ['twilio.revoke-api-keys', 'subaccount_api_key'],
      ['twilio.reset-number-webhooks', 'subaccount_phone_number'],
      ['twilio.reset-twiml-app-urls', 'subaccount_application'],
    ] as const) {
      const d = await step(id).discover(h.ctx);
      const target = planted[kind][0];
      const action = d.actions.find((a) => a.target === target);
      expect(action?.params.account, id).toBe(sub.sid);
      expect(action?.description, id).toMatch(new RegExp(`^In subaccount “Acme staging” \\(${sub.sid}\\): `));
      expect(d.findings.find((f) => f.resource === target)?.summary, id).toMatch(
        /^In subaccount “Acme staging”: /,
      );
    }
  });

  it('when they run, then each change lands in the subaccount and the main account’s look-alikes are untouched', async () => {
    const h = harness();
    const { sub, own } = staging(h);
    const planted = plantedTwilioIdsByKind(h.sim);
    for (const id of [
      'twilio.revoke-api-keys',
      'twilio.reset-number-webhooks',
      'twilio.reset-twiml-app-urls',
    ]) {
      const s = step(id);
      await executeAll(s, h.ctx, (await s.discover(h.ctx)).actions);
    }
    expect(own.keys.map((k) => k.sid)).not.toContain(planted.subaccount_api_key[0]);
    expect(own.keys.filter((k) => k.friendly_name.startsWith('Reclaim replacement'))).toHaveLength(1);
    expect(h.sim.state.keys.filter((k) => k.friendly_name.startsWith('Reclaim replacement'))).toHaveLength(1);
    expect(
      own.incomingPhoneNumbers.find((n) => n.sid === planted.subaccount_phone_number[0])?.voice_url,
    ).toBeNull();
    expect(own.applications[0]?.voice_url).toBeNull();
    // The legitimate number of the subaccount keeps its trusted URL.
    expect(own.incomingPhoneNumbers.filter((n) => n.voice_url !== null)).toHaveLength(1);
    expect(h.sim.stats.writesTo(sub.sid)).toBe(0);
    const left = unresolvedTwilioChanges(h.sim).map((c) => c.kind);
    for (const k of ['subaccount_api_key', 'subaccount_phone_number', 'subaccount_application'])
      expect(left).not.toContain(k);
  });

  it('when a subaccount refuses its listing, then the main account is still cleaned and the subaccount is flagged for a person', async () => {
    const sim = seeded();
    const h = harness(sim);
    const { sub } = staging(h);
    sim.faults.failWhen((r) => r.path === `/2010-04-01/Accounts/${sub.sid}/IncomingPhoneNumbers.json`, 403);
    const d = await step('twilio.reset-number-webhooks').discover(h.ctx);
    expect(d.actions.map((a) => a.target)).toEqual(plantedTwilioIdsByKind(sim).incoming_phone_number);
    expect(d.findings.find((f) => f.resource === sub.sid)).toMatchObject({
      suspicious: true,
      summary: expect.stringMatching(
        /^The numbers of subaccount “Acme staging” .* could not be read \(Twilio answered 403\)$/,
      ),
    });
  });

  it('when the main account’s listing fails, then the discovery fails', async () => {
    const sim = seeded();
    const h = harness(sim);
    sim.faults.failWhen((r) => r.path === `/2010-04-01/Accounts/${sim.accountSid}/Keys.json`, 403);
    await expect(step('twilio.revoke-api-keys').discover(h.ctx)).rejects.toMatchObject({ status: 403 });
  });
});
