import { describe, expect, it } from 'vitest';
import { TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { call, own, seeded } from './sim-kit.js';

describe('Twilio simulator: who may call and where', () => {
  it.each([
    { when: 'no credentials are sent', token: null },
    { when: 'a wrong token is sent', token: 'ffffffffffffffffffffffffffffffff' },
  ])('when $when, then it answers 401 with code 20003', async ({ token }) => {
    const sim = seeded();
    const res = await call(sim, 'GET', own(sim, '/Keys.json'), undefined, { token });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('when another account’s path is asked for, then it answers 404 with code 20404', async () => {
    const sim = seeded();
    const res = await call(sim, 'GET', '/Accounts/ACffffffffffffffffffffffffffffffff/Keys.json');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(20404);
  });

  it('when an accounts v1 path is sent to api.twilio.com, then it is not found there', async () => {
    const sim = seeded();
    const res = await call(sim, 'POST', '/v1/AuthTokens/Promote', undefined, {
      origin: 'https://api.twilio.com',
    });
    expect(res.status).toBe(404);
    expect(sim.state.secondaryAuthToken).toBeNull();
  });

  it('when a method the path does not take is used, then it answers 404 and counts the route', async () => {
    const sim = seeded();
    const res = await call(sim, 'DELETE', own(sim, '/IncomingPhoneNumbers.json'));
    expect(res.status).toBe(404);
    expect(sim.stats.routeCount('DELETE /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json')).toBe(
      1,
    );
  });

  it('when the account answers, then it carries its auth_token, as Twilio does, and a Twilio-Request-Id', async () => {
    const sim = seeded();
    const res = await call(sim, 'GET', `/Accounts/${sim.accountSid}.json`);
    expect(res.status).toBe(200);
    expect(res.body.auth_token).toBe(sim.authToken);
    expect(res.headers.get('twilio-request-id')).toMatch(/^RQ[0-9a-f]{32}$/);
  });

  it('when keys and SIP credentials are listed, then neither a key secret nor a password is served', async () => {
    const sim = seeded();
    const keys = await call(sim, 'GET', own(sim, '/Keys.json'));
    const list = sim.state.credentialLists[0]?.sid ?? '';
    const creds = await call(sim, 'GET', own(sim, `/SIP/CredentialLists/${list}/Credentials.json`));
    expect(keys.body.keys.length).toBeGreaterThan(0);
    expect(creds.body.credentials.length).toBeGreaterThan(0);
    const text = JSON.stringify([keys.body, creds.body]);
    for (const k of sim.state.keys) expect(text).not.toContain(k.secret);
    for (const c of sim.state.credentials) expect(text).not.toContain(c.password);
  });
});

describe('Twilio simulator: rate limit and faults', () => {
  it('when the rate limit is spent, then it answers 429 with code 20429 and Retry-After only', async () => {
    const sim = seeded({ simulator: { rateLimit: { perSecond: 1, burst: 2 }, clock: () => 0 } });
    const path = own(sim, '/Keys.json');
    expect((await call(sim, 'GET', path)).status).toBe(200);
    expect((await call(sim, 'GET', path)).status).toBe(200);
    const limited = await call(sim, 'GET', path);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe(20429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    expect(sim.stats.rateLimited).toBe(1);
  });

  it('when a 500 is injected after applying, then the write happened and the answer is a 500', async () => {
    const sim = seeded();
    const key = sim.state.keys[0]?.sid ?? '';
    sim.faults.failNext(1, 500, { afterApply: true });
    const res = await call(sim, 'DELETE', own(sim, `/Keys/${key}.json`));
    expect(res.status).toBe(500);
    expect(res.body.code).toBe(20500);
    expect(sim.state.keys.some((k) => k.sid === key)).toBe(false);
    expect(sim.stats.writesTo(key)).toBe(1);
  });

  it('when a request hangs and its caller aborts, then the fetch rejects with the abort reason', async () => {
    const sim = seeded();
    sim.faults.hangNext(1);
    const controller = new AbortController();
    const pending = call(sim, 'GET', own(sim, '/Keys.json'), undefined, { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    expect(sim.faults.hangingCount).toBe(0);
  });

  it('when an empty account is listed, then every listing is empty', async () => {
    const sim = TwilioSimulator.empty({ rateLimit: null });
    for (const rest of [
      '/Keys.json',
      '/IncomingPhoneNumbers.json',
      '/Applications.json',
      '/SIP/CredentialLists.json',
    ]) {
      const res = await call(sim, 'GET', own(sim, rest));
      expect(res.status, rest).toBe(200);
      expect(Object.values(res.body).find(Array.isArray), rest).toEqual([]);
    }
  });
});
