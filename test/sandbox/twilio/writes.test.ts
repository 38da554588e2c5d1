import { describe, expect, it } from 'vitest';
import {
  ATTACKER_HOST,
  meetsTwilioSipPasswordRule,
  plantedTwilioIdsByKind,
} from '../../../src/sandbox/twilio/index.js';
import { call, own, seeded } from './sim-kit.js';

describe('meetsTwilioSipPasswordRule', () => {
  it.each([
    { password: 'IWasAtSignal2018', ok: true },
    { password: 'Short1Aa', ok: false },
    { password: 'alllowercase123', ok: false },
    { password: 'ALLUPPERCASE123', ok: false },
    { password: 'NoDigitsAtAllHere', ok: false },
  ])('when the password is $password, then it meets the rule: $ok', ({ password, ok }) => {
    expect(meetsTwilioSipPasswordRule(password)).toBe(ok);
  });
});

describe('Twilio simulator writes', () => {
  it('when a SIP password breaks the rule, then it answers 400 and keeps the old one', async () => {
    const sim = seeded();
    const c = sim.state.credentials[0];
    if (!c) throw new Error('the seed has credentials');
    const path = own(sim, `/SIP/CredentialLists/${c.credential_list_sid}/Credentials/${c.sid}.json`);
    const before = c.password;
    const res = await call(sim, 'POST', path, { Password: 'tooweak' });
    expect(res.status).toBe(400);
    expect(c.password).toBe(before);
    const ok = await call(sim, 'POST', path, { Password: 'IWasAtSignal2018' });
    expect(ok.status).toBe(200);
    expect(ok.body).not.toHaveProperty('password');
    expect(c.password).toBe('IWasAtSignal2018');
  });

  it('when a number’s URL is not a URL, then it answers 400 with code 21502 and changes nothing', async () => {
    const sim = seeded();
    const n = sim.state.incomingPhoneNumbers[0];
    if (!n) throw new Error('the seed has numbers');
    const res = await call(sim, 'POST', own(sim, `/IncomingPhoneNumbers/${n.sid}.json`), {
      VoiceUrl: 'not a url',
      SmsUrl: '',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(21502);
    expect(n.sms_url).not.toBeNull();
  });

  it('when an app’s URLs are sent empty, then they are cleared and the planted app no longer points at the attacker', async () => {
    const sim = seeded();
    const [app] = plantedTwilioIdsByKind(sim).application;
    const res = await call(sim, 'POST', own(sim, `/Applications/${app}.json`), {
      VoiceUrl: '',
      StatusCallback: '',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ voice_url: null, status_callback: null });
    expect(JSON.stringify(res.body)).not.toContain(ATTACKER_HOST);
  });

  it('when a subaccount is suspended and then closed, then it cannot be reopened', async () => {
    const sim = seeded();
    const [sub] = plantedTwilioIdsByKind(sim).subaccount;
    const path = `/Accounts/${sub}.json`;
    expect((await call(sim, 'POST', path, { Status: 'suspended' })).body.status).toBe('suspended');
    expect((await call(sim, 'POST', path, { Status: 'frozen' })).status).toBe(400);
    expect((await call(sim, 'POST', path, { Status: 'closed' })).body.status).toBe('closed');
    expect((await call(sim, 'POST', path, { Status: 'active' })).status).toBe(400);
  });

  it('when the secondary token is promoted, then the old primary fails and the new one works', async () => {
    const sim = seeded();
    const old = sim.authToken;
    expect((await call(sim, 'POST', '/v1/AuthTokens/Promote')).status).toBe(400);
    const created = await call(sim, 'POST', '/v1/AuthTokens/Secondary');
    expect(created.status).toBe(201);
    const fresh = created.body.secondary_auth_token as string;
    expect((await call(sim, 'GET', own(sim, '/Keys.json'), undefined, { token: fresh })).status).toBe(200);
    const promoted = await call(sim, 'POST', '/v1/AuthTokens/Promote');
    expect(promoted.body.auth_token).toBe(fresh);
    expect((await call(sim, 'GET', own(sim, '/Keys.json'), undefined, { token: old })).status).toBe(401);
    expect((await call(sim, 'GET', own(sim, '/Keys.json'))).status).toBe(200);
    expect((await call(sim, 'DELETE', '/v1/AuthTokens/Secondary')).status).toBe(404);
  });

  it('when a key is created and deleted, then only the create answer carries the secret', async () => {
    const sim = seeded();
    const made = await call(sim, 'POST', own(sim, '/Keys.json'), { FriendlyName: 'Reclaim replacement' });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^[0-9a-f]{32}$/);
    const path = own(sim, `/Keys/${made.body.sid}.json`);
    expect((await call(sim, 'DELETE', path)).status).toBe(204);
    expect((await call(sim, 'DELETE', path)).status).toBe(404);
    expect(sim.stats.writesTo(made.body.sid)).toBe(2);
  });

  it.each<{ form: Record<string, string>; message: RegExp }>([
    { form: { TriggerValue: '50', UsageCategory: 'totalprice' }, message: /CallbackUrl is required/ },
    {
      form: { CallbackUrl: 'https://h.example.com/x', UsageCategory: 'totalprice', TriggerValue: 'lots' },
      message: /TriggerValue/,
    },
    {
      form: { CallbackUrl: 'https://h.example.com/x', TriggerValue: '50' },
      message: /UsageCategory is required/,
    },
    {
      form: {
        CallbackUrl: 'https://h.example.com/x',
        TriggerValue: '50',
        UsageCategory: 'totalprice',
        Recurring: 'hourly',
      },
      message: /Recurring must be one of/,
    },
  ])('when a usage trigger is created with $form, then it answers 400', async ({ form, message }) => {
    const sim = seeded();
    const res = await call(sim, 'POST', own(sim, '/Usage/Triggers.json'), form);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(sim.state.usageTriggers).toEqual([]);
  });

  it('when usage records are asked for a category and dates, then the days in range are summed', async () => {
    const sim = seeded();
    const days = sim.state.usage.filter(
      (d) => d.category === 'calls' && d.date >= '2026-02-01' && d.date <= '2026-02-10',
    );
    const res = await call(
      sim,
      'GET',
      own(sim, '/Usage/Records.json?Category=calls&StartDate=2026-02-01&EndDate=2026-02-10'),
    );
    const [record] = res.body.usage_records;
    expect(record.count).toBe(String(days.reduce((s, d) => s + d.count, 0)));
    expect(record.price).toBeCloseTo(
      days.reduce((s, d) => s + d.price, 0),
      4,
    );
  });
});
