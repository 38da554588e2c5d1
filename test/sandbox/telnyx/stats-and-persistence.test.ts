import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadSimulator,
  plantedChanges,
  SimulatorError,
  saveSimulator,
  TelnyxSimulator,
} from '../../../src/sandbox/telnyx/index.js';
import { call, seeded } from './sim-test-kit.js';

describe('simulator stats', () => {
  it('when requests are made, then totals, routes, statuses and writes per resource are counted', async () => {
    const sim = seeded();
    const [a, b] = sim.state.credentialConnections;
    await call(sim, 'GET', '/credential_connections');
    await call(sim, 'PATCH', `/credential_connections/${a!.id}`, { active: false });
    await call(sim, 'PATCH', `/credential_connections/${b!.id}`, { active: false });
    await call(sim, 'PATCH', `/credential_connections/${b!.id}`, { password: 'x' });
    await call(sim, 'GET', '/nowhere');
    expect(sim.stats.snapshot()).toEqual({
      requests: 5,
      byRoute: {
        'GET /credential_connections': 1,
        'PATCH /credential_connections/{id}': 3,
        'GET ?': 1,
      },
      byStatus: { 200: 3, 422: 1, 404: 1 },
      writes: { [a!.id]: 1, [b!.id]: 1 },
      rateLimited: 0,
      faults: 0,
    });
    expect(sim.stats.totalWrites()).toBe(2);
    sim.stats.reset();
    expect(sim.stats.requests).toBe(0);
  });

  it('when a request is refused for its key, then it is counted but writes nothing', async () => {
    const sim = seeded();
    const id = sim.state.ips[0]!.id;
    await call(sim, 'DELETE', `/ips/${id}`, undefined, { key: 'KEYwrong' });
    expect(sim.stats.requests).toBe(1);
    expect(sim.stats.byStatus).toEqual({ 401: 1 });
    expect(sim.stats.writesTo(id)).toBe(0);
  });
});

describe('simulator persistence', () => {
  it('when the account goes through JSON, then the copy serves the same data and continues its ids', async () => {
    const sim = seeded();
    await call(
      sim,
      'POST',
      `/messaging_profiles/${sim.state.messagingProfiles[0]!.id}/actions/regenerate_secret`,
    );
    const json = JSON.parse(JSON.stringify(sim));
    const copy = TelnyxSimulator.fromJSON(json, { rateLimit: null });
    expect(copy.toJSON()).toEqual(sim.toJSON());
    expect(plantedChanges(copy)).toEqual(plantedChanges(sim));
    const office = sim.state.ipConnections[0]!.id;
    const fromOriginal = await call(sim, 'POST', '/ips', {
      connection_id: office,
      ip_address: '203.0.113.50',
    });
    const fromCopy = await call(copy, 'POST', '/ips', { connection_id: office, ip_address: '203.0.113.50' });
    expect(fromCopy.body.data.id).toBe(fromOriginal.body.data.id);
  });

  it('when saved and loaded, then the rehearsal resumes with its changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-sim-'));
    const file = join(dir, 'sandbox', 'incident-1.json');
    const sim = seeded();
    const ip = sim.state.ips.find((x) => x.ip_address === '192.0.2.66')!;
    await call(sim, 'DELETE', `/ips/${ip.id}`);
    await saveSimulator(sim, file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const loaded = await loadSimulator(file, { rateLimit: null });
    expect((await call(loaded, 'GET', `/ips/${ip.id}`)).status).toBe(404);
    expect(loaded.toJSON()).toEqual(sim.toJSON());
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ version: 2 })],
    ['a record without id', JSON.stringify({ ...seeded().toJSON(), ips: [{ ip_address: '1.2.3.4' }] })],
  ])('when the saved file is %s, then loading fails with simulator_bad_state', async (_, content) => {
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-sim-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, content);
    await expect(loadSimulator(file)).rejects.toBeInstanceOf(SimulatorError);
    await expect(loadSimulator(file)).rejects.toMatchObject({ code: 'simulator_bad_state' });
  });
});
