import { describe, expect, it } from 'vitest';
import { twilioSimulatorFetch } from '../../../src/sandbox/twilio/index.js';
import { call, seeded } from './sim-kit.js';

function staging(sim: ReturnType<typeof seeded>) {
  const sub = sim.state.subaccounts.find((a) => a.friendly_name === 'Acme staging')!;
  return { sub, own: sim.state.identity.subaccounts[sub.sid]! };
}

/** A request as `user:token` (HTTP Basic), to `origin` + `path`. */
async function as(sim: ReturnType<typeof seeded>, user: string, token: string, method: string, url: string) {
  const res = await twilioSimulatorFetch(sim)(url, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}` },
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the simulated subaccounts', () => {
  it('when the parent addresses a subaccount’s path, then it gets the subaccount’s own records, not its own', async () => {
    const sim = seeded();
    const { sub, own } = staging(sim);
    const keys = await call(sim, 'GET', `/Accounts/${sub.sid}/Keys.json`);
    expect(keys.status).toBe(200);
    expect(keys.body.keys.map((k: { sid: string }) => k.sid)).toEqual(own.keys.map((k) => k.sid));
    const numbers = await call(sim, 'GET', `/Accounts/${sub.sid}/IncomingPhoneNumbers.json`);
    expect(numbers.body.incoming_phone_numbers.map((n: { account_sid: string }) => n.account_sid)).toEqual([
      sub.sid,
      sub.sid,
    ]);
    const iam = await call(sim, 'GET', `/v1/Keys?AccountSid=${sub.sid}`, undefined, {
      origin: 'https://iam.twilio.com',
    });
    expect(iam.status).toBe(200);
  });

  it('when a subaccount authenticates with its own token, then it rotates its own token and reaches only its own paths', async () => {
    const sim = seeded();
    const { sub, own } = staging(sim);
    const leaked = sub.auth_token;
    const accounts = 'https://accounts.twilio.com/v1/AuthTokens';
    const created = await as(sim, sub.sid, leaked, 'POST', `${accounts}/Secondary`);
    expect(created).toMatchObject({ status: 201, body: { account_sid: sub.sid } });
    expect(own.secondaryAuthToken?.token).toBe(created.body.secondary_auth_token);
    expect(sim.state.secondaryAuthToken).toBeNull();
    const promoted = await as(sim, sub.sid, leaked, 'POST', `${accounts}/Promote`);
    expect(promoted.body.auth_token).toBe(sub.auth_token);
    expect(sub.auth_token).not.toBe(leaked);
    expect(
      (await as(sim, sub.sid, leaked, 'GET', `https://api.twilio.com/2010-04-01/Accounts/${sub.sid}.json`))
        .status,
    ).toBe(401);
    const main = `https://api.twilio.com/2010-04-01/Accounts/${sim.accountSid}/Keys.json`;
    expect((await as(sim, sub.sid, sub.auth_token, 'GET', main)).status).toBe(404);
    // The parent still reads the subaccount, and the new token with it.
    expect((await call(sim, 'GET', `/Accounts/${sub.sid}.json`)).body.auth_token).toBe(sub.auth_token);
  });

  it('when a subaccount is suspended, then its own token no longer authenticates', async () => {
    const sim = seeded();
    const { sub } = staging(sim);
    sub.status = 'suspended';
    expect(
      (
        await as(
          sim,
          sub.sid,
          sub.auth_token,
          'GET',
          `https://api.twilio.com/2010-04-01/Accounts/${sub.sid}.json`,
        )
      ).status,
    ).toBe(401);
  });

  it('when an account that is not a subaccount is addressed, then the answer is 404', async () => {
    const sim = seeded();
    const other = `AC${'f'.repeat(32)}`;
    expect((await call(sim, 'GET', `/Accounts/${other}/Keys.json`)).status).toBe(404);
  });
});

describe('caller IDs and Monitor events', () => {
  it('when a caller ID is deleted, then it is gone and deleting it again is 404', async () => {
    const sim = seeded();
    const [first] = sim.state.identity.outgoingCallerIds;
    const path = `/Accounts/${sim.accountSid}/OutgoingCallerIds`;
    const list = await call(sim, 'GET', `${path}.json`);
    expect(list.body.outgoing_caller_ids).toHaveLength(2);
    expect(list.body.outgoing_caller_ids[0]).toMatchObject({ sid: first?.sid, account_sid: sim.accountSid });
    expect((await call(sim, 'DELETE', `${path}/${first?.sid}.json`)).status).toBe(204);
    expect((await call(sim, 'DELETE', `${path}/${first?.sid}.json`)).status).toBe(404);
    expect(sim.state.identity.outgoingCallerIds).toHaveLength(1);
  });

  it('when events are listed by window and page, then only the window’s come back, newest first, over v1 pages', async () => {
    const sim = seeded();
    const url = (q: string) => `/v1/Events?${q}`;
    const monitor = { origin: 'https://monitor.twilio.com' };
    const all = await call(sim, 'GET', url('PageSize=1000'), undefined, monitor);
    expect(all.body.events).toHaveLength(sim.state.identity.events.length);
    const window = await call(
      sim,
      'GET',
      url('StartDate=2026-02-26T00:00:00Z&EndDate=2026-03-01T12:00:00Z&PageSize=2'),
      undefined,
      monitor,
    );
    expect(window.body.events).toHaveLength(2);
    expect(window.body.meta.next_page_url).toMatch(/^https:\/\/monitor\.twilio\.com\/v1\/Events\?StartDate=/);
    const dates = window.body.events.map((e: { event_date: string }) => Date.parse(e.event_date));
    expect(dates[0]).toBeGreaterThanOrEqual(dates[1]);
    expect((await call(sim, 'GET', url('StartDate=yesterday'), undefined, monitor)).status).toBe(400);
    expect(
      (await call(sim, 'GET', url('PageSize=1'), undefined, { origin: 'https://accounts.twilio.com' }))
        .status,
    ).toBe(404);
  });
});
