import { describe, expect, it } from 'vitest';
import { simulatorFetch } from '../../../src/sandbox/telnyx/index.js';
import { BASE, call, seeded } from './sim-test-kit.js';

describe('simulator refusals', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong key', 'KEYsomeoneelse'],
  ])('when a request has %s, then 401 in Telnyx’s error shape', async (_, key) => {
    const sim = seeded();
    const res = await call(sim, 'GET', '/credential_connections', undefined, { key });
    expect(res.status).toBe(401);
    expect(res.body.errors[0]).toMatchObject({ code: '10009', title: 'Authentication failed' });
  });

  it.each([
    ['GET', '/credential_connections/1000000000000000000'],
    ['PATCH', '/texml_applications/1000000000000000000'],
    ['GET', '/phone_numbers/1000000000000000000/voice'],
    ['POST', '/messaging_profiles/00000000-0000-4000-8000-000000000000/actions/regenerate_secret'],
    ['GET', '/api_keys'],
    ['PUT', '/credential_connections'],
  ])('when %s %s names nothing, then 404 with code 10005', async (method, path) => {
    const res = await call(
      seeded(),
      method,
      path,
      method === 'PATCH' ? { friendly_name: 'x', voice_url: 'y' } : undefined,
    );
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      errors: [
        {
          code: '10005',
          title: 'Resource not found',
          detail: 'The requested resource or URL could not be found.',
          meta: { url: 'https://developers.telnyx.com/docs/overview/errors/10005' },
        },
      ],
    });
  });

  it('when the body is not JSON, then 400', async () => {
    const sim = seeded();
    const desk = sim.state.credentialConnections[0]!;
    const answer = await simulatorFetch(sim)(`${BASE}/credential_connections/${desk.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sim.apiKey}` },
      body: '{not json',
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ errors: [{ code: '10015' }] });
    expect(sim.stats.writesTo(desk.id)).toBe(0);
  });
});
