import { describe, expect, it } from 'vitest';
import {
  generateTwilioSipPassword,
  TWILIO_SIP_PASSWORD_LENGTH,
} from '../../../src/playbooks/twilio/index.js';
import { meetsTwilioSipPasswordRule } from '../../../src/sandbox/twilio/index.js';
import { harness, remediate, step } from './twilio-kit.js';

describe('secrets made by the Twilio playbook', () => {
  it('when every plan is executed, then new secrets are only in outcome.secrets, never in results, logs or plans', async () => {
    const h = harness();
    const oldToken = h.sim.authToken;
    const plans = await remediate(h);
    const outcomes = plans.flatMap((p) => p.outcomes);
    const secrets = outcomes.flatMap((o) => o.secrets ?? []).map((s) => s.value);
    const planted = [oldToken, h.sim.authToken, ...h.sim.state.keys.map((k) => k.secret)];
    const passwords = h.sim.state.credentials.map((c) => c.password);
    const exposed =
      JSON.stringify([outcomes.map((o) => o.result), plans.map((p) => p.actions)]) + h.logs.text;
    expect(secrets.length).toBeGreaterThan(0);
    for (const value of [...planted, ...passwords]) expect(exposed).not.toContain(value);
    expect(secrets.join('\n')).toContain(h.sim.authToken);
  });

  it('when the Auth Token is rotated, then the new token is sealed, the old one fails and the client carries on with the new one', async () => {
    const h = harness();
    const old = h.sim.authToken;
    const s = step('twilio.rotate-auth-token');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the step always plans a rotation');
    const out = await s.execute(h.ctx, action, { recheck: false });
    expect(out.secrets).toEqual([
      { label: `New Twilio Auth Token for ${h.sim.accountSid}`, value: h.sim.authToken },
    ]);
    expect(h.sim.authToken).not.toBe(old);
    expect(h.sim.state.secondaryAuthToken).toBeNull();
    expect((await h.client.keys.list()).items.length).toBeGreaterThan(0);
    expect(out.result).toMatchObject({ rotated: true, reclaimUsesNewToken: true });
  });

  it('when the attacker holds a secondary token, then the rotation removes it: neither old token works afterwards', async () => {
    const h = harness();
    const old = h.sim.authToken;
    const attackers = 'a77ac4e2a77ac4e2a77ac4e2a77ac4e2';
    h.sim.state.secondaryAuthToken = { token: attackers, date_created: '2026-02-27T03:00:00Z' };
    const s = step('twilio.rotate-auth-token');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the step always plans a rotation');
    await s.execute(h.ctx, action, { recheck: false });
    const tokens = [h.sim.state.account.auth_token, h.sim.state.secondaryAuthToken];
    expect(tokens).not.toContain(old);
    expect(tokens).not.toContainEqual(expect.objectContaining({ token: attackers }));
    expect(h.sim.state.account.auth_token).not.toBe(attackers);
    expect(h.sim.stats.routeCount('DELETE /v1/AuthTokens/Secondary')).toBe(1);
  });

  it('when the promotion landed but its answer was lost, then the old token being refused proves it and the new one is sealed', async () => {
    const h = harness();
    const s = step('twilio.rotate-auth-token');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the step always plans a rotation');
    h.sim.faults.failWhen((req) => req.route === 'POST /v1/AuthTokens/Promote', 504, { afterApply: true });
    const out = await s.execute(h.ctx, action, { recheck: false });
    expect(out.secrets?.[0]?.value).toBe(h.sim.authToken);
    expect((await h.client.accounts.fetch()).sid).toBe(h.sim.accountSid);
  });

  it('when a restarted process rechecks a rotation an earlier one made, then it says the token is lost and writes nothing', async () => {
    const h = harness();
    const s = step('twilio.rotate-auth-token');
    const [action] = (await s.discover(h.ctx)).actions;
    if (!action) throw new Error('the step always plans a rotation');
    // The process that promoted the token crashed before it could seal it.
    h.sim.state.account.auth_token = '0badc0de0badc0de0badc0de0badc0de';
    const writes = h.sim.stats.totalWrites();
    const out = await s.execute(h.ctx, action, { recheck: true });
    expect(out.result).toMatchObject({ rotated: true });
    expect(String(out.result.token)).toMatch(/^not recoverable/);
    expect(out.secrets).toBeUndefined();
    expect(h.sim.stats.totalWrites()).toBe(writes);
  });

  it('when SIP passwords are rotated, then each meets Twilio’s rule and is revealed with its username only', async () => {
    const h = harness();
    const s = step('twilio.rotate-sip-credentials');
    const { actions } = await s.discover(h.ctx);
    for (const action of actions) {
      const out = await s.execute(h.ctx, action, { recheck: false });
      const [secret] = out.secrets ?? [];
      const [username, password] = (secret?.value ?? '').split(' / ');
      expect(username).toBe(action.params.username);
      expect(meetsTwilioSipPasswordRule(password ?? '')).toBe(true);
      expect(h.sim.state.credentials.find((c) => c.sid === action.target)?.password).toBe(password);
    }
  });

  it('when the key step runs, then the replacement key’s SID and secret are sealed together', async () => {
    const h = harness();
    const s = step('twilio.revoke-api-keys');
    const { actions } = await s.discover(h.ctx);
    const outcomes = [];
    for (const action of actions) outcomes.push(await s.execute(h.ctx, action, { recheck: false }));
    const made = h.sim.state.keys.find((k) => k.friendly_name.startsWith('Reclaim replacement'));
    // The main account's replacement (the kept subaccount's comes after it, in its own account).
    const main = outcomes[actions.findIndex((a) => a.kind === 'create_api_key' && !a.params.account)];
    expect(main?.secrets?.[0]?.value).toBe(`SID ${made?.sid} / secret ${made?.secret}`);
    expect(main?.result).toEqual({ created: true, sid: made?.sid });
  });
});

describe('generateTwilioSipPassword', () => {
  it('when many passwords are generated, then all meet the rule, have the set length and differ', () => {
    const passwords = Array.from({ length: 300 }, generateTwilioSipPassword);
    for (const p of passwords) {
      expect(p).toHaveLength(TWILIO_SIP_PASSWORD_LENGTH);
      expect(meetsTwilioSipPasswordRule(p), p).toBe(true);
      expect(p).toMatch(/^[A-Za-z2-9]+$/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
