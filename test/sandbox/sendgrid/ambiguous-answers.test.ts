// The SendGrid simulator where the documentation leaves the answer open: flat key lookups by default, switchable.
import { describe, expect, it } from 'vitest';
import { raw, seeded } from './sim-kit.js';

describe('the SendGrid simulator’s answer to a key lookup', () => {
  it('when a key is looked up, then by default the answer is the flat { api_key_id, name, scopes }', async () => {
    const sim = seeded();
    const key = sim.state.apiKeys[0]!;
    const res = await raw(sim, 'GET', `/v3/api_keys/${key.api_key_id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ api_key_id: key.api_key_id, name: key.name, scopes: key.scopes });
  });

  it('when the simulator is switched to the spec’s shape, then the key comes wrapped in result', async () => {
    const sim = seeded();
    sim.answers.apiKeyShape = 'result';
    const key = sim.state.apiKeys[0]!;
    const res = await raw(sim, 'GET', `/v3/api_keys/${key.api_key_id}`);
    expect(res.body).toEqual({
      result: [{ api_key_id: key.api_key_id, name: key.name, scopes: key.scopes }],
    });
  });
});
