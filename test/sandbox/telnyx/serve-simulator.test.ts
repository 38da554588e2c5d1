import { afterEach, describe, expect, it } from 'vitest';
import { type ServedSimulator, serveSimulator } from '../../../src/sandbox/telnyx/index.js';
import { call, seeded } from './sim-test-kit.js';

let served: ServedSimulator | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

const overHttp = (url: string) => ({ fetch: (u: string, init: RequestInit) => fetch(u, init), base: url });

describe('serveSimulator', () => {
  it('when served, then the base URL is on 127.0.0.1 and ends in /v2', async () => {
    served = await serveSimulator(seeded());
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
  });

  it('when listed and patched over HTTP, then answers match the in-process ones', async () => {
    const sim = seeded();
    served = await serveSimulator(sim);
    const res = await call(
      sim,
      'GET',
      '/credential_connections?page[size]=2',
      undefined,
      overHttp(served.url),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.body.meta).toEqual({ page_number: 1, page_size: 2, total_pages: 2, total_results: 3 });
    const id = res.body.data[0].id;
    const patched = await call(
      sim,
      'PATCH',
      `/credential_connections/${id}`,
      { active: false },
      overHttp(served.url),
    );
    expect(patched.body.data).toMatchObject({ id, active: false });
    expect(sim.stats.writesTo(id)).toBe(1);
  });

  it('when the key is missing or the path unknown over HTTP, then 401 and 404 in Telnyx’s shape', async () => {
    const sim = seeded();
    served = await serveSimulator(sim);
    const unauthorised = await call(sim, 'GET', '/ips', undefined, { ...overHttp(served.url), key: null });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.body.errors[0].code).toBe('10009');
    const missing = await call(
      sim,
      'GET',
      '/ips/00000000-0000-4000-8000-000000000000',
      undefined,
      overHttp(served.url),
    );
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe('10005');
  });

  it('when the rate limit is exceeded over HTTP, then 429 arrives with its headers', async () => {
    const sim = seeded({ simulator: { rateLimit: { perSecond: 2 }, clock: () => 0 } });
    served = await serveSimulator(sim);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push(await call(sim, 'GET', '/ips', undefined, overHttp(served.url)));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(statuses[2]!.headers.get('retry-after')).toBe('1');
  });

  it('when a hanging request is aborted by the client, then the server lets it go', async () => {
    const sim = seeded();
    served = await serveSimulator(sim);
    sim.faults.hangNext(1);
    const abort = new AbortController();
    const pending = call(sim, 'GET', '/ips', undefined, { ...overHttp(served.url), signal: abort.signal });
    await waitFor(() => sim.faults.hangingCount === 1);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => sim.faults.hangingCount === 0);
    expect((await call(sim, 'GET', '/ips', undefined, overHttp(served.url))).status).toBe(200);
  });

  it('when the server closes with a request hanging, then the request fails and close completes', async () => {
    const sim = seeded();
    served = await serveSimulator(sim);
    sim.faults.hangNext(1);
    const pending = call(sim, 'GET', '/ips', undefined, overHttp(served.url));
    await waitFor(() => sim.faults.hangingCount === 1);
    await served.close();
    await expect(pending).rejects.toThrow(TypeError);
    expect(sim.faults.hangingCount).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
