import { describe, expect, it } from 'vitest';
import { TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { call, seeded } from './sim-test-kit.js';

const NEW_KEY = 'KEYcreated-in-the-portal-5e6f';

describe('simulated account: its API keys (the portal’s API Keys page)', () => {
  it('when a key is created and the old one deleted, then GET /balance answers the new key and refuses the deleted one with 401', async () => {
    const sim = seeded();
    const old = sim.apiKey;
    expect(sim.apiKeys()).toEqual([old]);
    const balance = await call(sim, 'GET', '/balance');
    expect(balance.status).toBe(200);
    expect(balance.body.data).toMatchObject({ record_type: 'balance', currency: 'USD' });
    expect(typeof balance.body.data.available_credit).toBe('string');

    sim.addApiKey(NEW_KEY);
    expect((await call(sim, 'GET', '/balance', undefined, { key: NEW_KEY })).status).toBe(200);
    expect((await call(sim, 'GET', '/balance', undefined, { key: old })).status).toBe(200);

    expect(sim.deleteApiKey(old)).toBe(true);
    expect(sim.deleteApiKey(old)).toBe(false);
    const refused = await call(sim, 'GET', '/balance', undefined, { key: old });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0]).toMatchObject({ code: '10009', title: 'Authentication failed' });
    expect((await call(sim, 'GET', '/credential_connections', undefined, { key: NEW_KEY })).status).toBe(200);
    expect((await call(sim, 'GET', '/credential_connections', undefined, { key: old })).status).toBe(401);
  });

  it('when the account is saved and loaded again, then it answers to the same keys', () => {
    const sim = seeded();
    sim.addApiKey(NEW_KEY);
    sim.deleteApiKey(sim.apiKey);
    const again = TelnyxSimulator.fromJSON(JSON.parse(JSON.stringify(sim.toJSON())));
    expect(again.apiKeys()).toEqual([NEW_KEY]);
    expect(again.acceptsBearer(`Bearer ${NEW_KEY}`)).toBe(true);
    expect(again.acceptsBearer(`Bearer ${sim.apiKey}`)).toBe(false);
    expect(again.acceptsBearer(undefined)).toBe(false);
  });
});
