import { describe, expect, it } from 'vitest';
import { raw, seeded } from './sim-kit.js';

const errorOf = (body: unknown) =>
  (body as { errors: { field: string | null; message: string }[] }).errors[0];

describe('the SendGrid simulator’s PUT /v3/api_keys/{api_key_id}', () => {
  it('when a key gets new scopes, then it holds exactly those, keeps its name, and the write is counted', async () => {
    const sim = seeded();
    const key = sim.state.apiKeys[1];
    if (!key) throw new Error('the seed has keys');
    const res = await raw(sim, 'PUT', `/v3/api_keys/${key.api_key_id}`, {
      name: key.name,
      scopes: ['user.timezone.read'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ api_key_id: key.api_key_id, name: key.name, scopes: ['user.timezone.read'] });
    expect((await raw(sim, 'GET', `/v3/api_keys/${key.api_key_id}`)).body).toMatchObject({
      scopes: ['user.timezone.read'],
    });
    expect(sim.stats.totalWrites()).toBe(1);
  });

  it.each([
    ['no scopes at all', { name: 'x', scopes: [] }, 'scopes'],
    ['scopes left out', { name: 'x' }, 'scopes'],
    ['no name', { scopes: ['mail.send'] }, 'name'],
  ])(
    'when it gets %s, then it answers 400 naming the field and changes nothing',
    async (_what, body, field) => {
      const sim = seeded();
      const key = sim.state.apiKeys[1];
      if (!key) throw new Error('the seed has keys');
      const before = [...key.scopes];
      const res = await raw(sim, 'PUT', `/v3/api_keys/${key.api_key_id}`, body);
      expect(res.status).toBe(400);
      expect(errorOf(res.body)?.field).toBe(field);
      expect(key.scopes).toEqual(before);
    },
  );

  it('when the key does not exist, then it answers 404', async () => {
    const res = await raw(seeded(), 'PUT', '/v3/api_keys/nope', { name: 'x', scopes: ['mail.send'] });
    expect(res.status).toBe(404);
  });
});
