import { describe, expect, it } from 'vitest';
import { ATTACKER_API_IP, plantedIdsByKind, TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { call, seeded } from './sim-test-kit.js';

describe('the simulator’s users, OAuth, integration secrets and API allow-list', () => {
  it('when each listing is read, then it answers the spec’s envelope with records of the spec’s fields', async () => {
    const sim = seeded();
    const users = await call(sim, 'GET', '/organizations/users?page[size]=2');
    expect(users.status).toBe(200);
    expect(users.body.meta).toEqual({ page_number: 1, page_size: 2, total_pages: 2, total_results: 3 });
    expect(Object.keys(users.body.data[0]).sort()).toEqual([
      'created_at',
      'email',
      'id',
      'last_sign_in_at',
      'organization_user_bypasses_sso',
      'record_type',
      'user_status',
    ]);
    const clients = await call(sim, 'GET', '/oauth_clients');
    expect(
      clients.body.data.every((c: { id?: string; client_id: string }) => !('id' in c) && c.client_id),
    ).toBe(true);
    const ranges = await call(sim, 'GET', '/access_ip_ranges');
    expect(ranges.body.data[0]).toMatchObject({ cidr_block: '198.51.100.0/29', status: 'added' });
  });

  it('when a user is removed, then the answer is the user in `data`; the owner cannot be removed; an unknown id is 404', async () => {
    const sim = seeded();
    const [intruder] = plantedIdsByKind(sim).organization_user;
    const removed = await call(sim, 'POST', `/organizations/users/${intruder}/actions/remove`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.id).toBe(intruder);
    expect((await call(sim, 'POST', `/organizations/users/${intruder}/actions/remove`)).status).toBe(404);
    expect(
      (await call(sim, 'POST', `/organizations/users/${sim.state.ownerUserId}/actions/remove`)).status,
    ).toBe(422);
    expect((await call(sim, 'DELETE', `/organizations/users/${sim.state.ownerUserId}`)).status).toBe(404);
  });

  it('when an OAuth client or an integration secret is deleted, then the answer is 204 with no body; a grant’s is the grant in `data`', async () => {
    const sim = seeded();
    const ids = plantedIdsByKind(sim);
    const client = await call(sim, 'DELETE', `/oauth_clients/${ids.oauth_client[0]}`);
    expect([client.status, client.body]).toEqual([204, undefined]);
    const secret = await call(sim, 'DELETE', `/integration_secrets/${ids.integration_secret[0]}`);
    expect([secret.status, secret.body]).toEqual([204, undefined]);
    const grant = await call(sim, 'DELETE', `/oauth_grants/${ids.oauth_grant[0]}`);
    expect(grant.body.data.id).toBe(ids.oauth_grant[0]);
    expect(sim.stats.totalWrites()).toBe(3);
  });

  it('when an allow-list entry is added or deleted, then the answer is the entry itself, not in `data`; an add without its address is refused', async () => {
    const sim = seeded();
    const added = await call(sim, 'POST', '/access_ip_address', {
      ip_address: '203.0.113.11',
      description: 'x',
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ ip_address: '203.0.113.11', description: 'x', status: 'added' });
    expect((await call(sim, 'POST', '/access_ip_ranges', { description: 'no range' })).status).toBe(422);
    expect((await call(sim, 'POST', '/access_ip_address', { ip_address: 'not-an-ip' })).status).toBe(422);
    const [door] = plantedIdsByKind(sim).access_ip;
    const deleted = await call(sim, 'DELETE', `/access_ip_address/${door}`);
    expect(deleted.body).toMatchObject({ id: door, ip_address: ATTACKER_API_IP });
  });

  it('when the account is saved and loaded, then these collections come back; an account saved without them has none', () => {
    const sim = seeded();
    const copy = TelnyxSimulator.fromJSON(JSON.parse(JSON.stringify(sim.toJSON())), { rateLimit: null });
    expect(copy.state.accountAccess).toEqual(sim.state.accountAccess);
    const older = JSON.parse(JSON.stringify(sim.toJSON()));
    delete older.accountAccess;
    expect(TelnyxSimulator.fromJSON(older, { rateLimit: null }).state.accountAccess).toBeUndefined();
  });
});
