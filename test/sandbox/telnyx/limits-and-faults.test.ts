import { describe, expect, it } from 'vitest';
import { call, seeded } from './sim-test-kit.js';

function clocked(rateLimit: { perSecond: number; burst?: number; retryAfter?: boolean }) {
  let now = Date.parse('2026-03-01T12:00:00Z');
  const sim = seeded({ simulator: { rateLimit, clock: () => now } });
  return { sim, advance: (ms: number) => (now += ms) };
}

describe('simulator rate limit', () => {
  it('when more requests than the burst arrive at once, then the rest get 429 with the rate headers', async () => {
    const { sim } = clocked({ perSecond: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await call(sim, 'GET', '/ips')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(sim, 'GET', '/ips');
    expect(limited.body).toEqual({
      errors: [
        {
          code: '10011',
          title: 'Too many requests',
          detail: 'You have exceeded the maximum number of allowed requests.',
        },
      ],
    });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('1');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(sim.stats.rateLimited).toBe(3);
  });

  it('when time passes after a 429, then tokens come back at the configured rate', async () => {
    const { sim, advance } = clocked({ perSecond: 4 });
    for (let i = 0; i < 4; i += 1) await call(sim, 'GET', '/ips');
    expect((await call(sim, 'GET', '/ips')).status).toBe(429);
    advance(250);
    const back = await call(sim, 'GET', '/ips');
    expect(back.status).toBe(200);
    expect(back.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await call(sim, 'GET', '/ips')).status).toBe(429);
    advance(1000);
    for (let i = 0; i < 4; i += 1) expect((await call(sim, 'GET', '/ips')).status).toBe(200);
  });

  it('when Retry-After is switched off, then a 429 carries only the x-ratelimit headers', async () => {
    const { sim } = clocked({ perSecond: 1, retryAfter: false });
    await call(sim, 'GET', '/ips');
    const limited = await call(sim, 'GET', '/ips');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-ratelimit-reset')).toBe('1');
  });

  it('when the rate limit is replaced at run time, then the new rate applies from a full bucket', async () => {
    const { sim } = clocked({ perSecond: 1 });
    await call(sim, 'GET', '/ips');
    sim.setRateLimit({ perSecond: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(sim, 'GET', '/ips')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('simulator faults', () => {
  it('when failNext(2, 503) is set, then the next two requests fail and the third succeeds', async () => {
    const sim = seeded();
    sim.faults.failNext(2, 503);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(sim, 'GET', '/ips')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.stats.faults).toBe(2);
  });

  it('when a failing write is not applied first, then the account is unchanged', async () => {
    const sim = seeded();
    const ip = sim.state.ips[0]!;
    sim.faults.failNext(1);
    const res = await call(sim, 'DELETE', `/ips/${ip.id}`);
    expect(res.status).toBe(500);
    expect(res.body.errors[0]).toMatchObject({ code: '10007' });
    expect(sim.state.ips.some((x) => x.id === ip.id)).toBe(true);
    expect(sim.stats.writesTo(ip.id)).toBe(0);
  });

  it('when a fault is set to apply first, then the write happens although the answer is 500', async () => {
    const sim = seeded();
    const ip = sim.state.ips[0]!;
    sim.faults.failNext(1, 500, { afterApply: true });
    expect((await call(sim, 'DELETE', `/ips/${ip.id}`)).status).toBe(500);
    expect(sim.state.ips.some((x) => x.id === ip.id)).toBe(false);
    expect(sim.stats.writesTo(ip.id)).toBe(1);
  });

  it('when failWhen picks PATCHes, then reads pass and PATCHes fail until it is removed', async () => {
    const sim = seeded();
    const remove = sim.faults.failWhen((req) => req.route === 'PATCH /outbound_voice_profiles/{id}', 502);
    const profile = sim.state.outboundVoiceProfiles[0]!;
    expect((await call(sim, 'GET', `/outbound_voice_profiles/${profile.id}`)).status).toBe(200);
    const patch = () => call(sim, 'PATCH', `/outbound_voice_profiles/${profile.id}`, { name: profile.name });
    expect((await patch()).status).toBe(502);
    remove();
    expect((await patch()).status).toBe(200);
  });

  it('when failNext(1, 429) is set, then the 429 looks like the rate limiter’s', async () => {
    const sim = seeded();
    sim.faults.failNext(1, 429);
    const res = await call(sim, 'GET', '/ips');
    expect(res.status).toBe(429);
    expect(res.body.errors[0].code).toBe('10011');
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('when a request hangs, then it answers nothing until the caller aborts it', async () => {
    const sim = seeded();
    sim.faults.hangNext(1);
    const abort = new AbortController();
    const pending = call(sim, 'GET', '/ips', undefined, { signal: abort.signal });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    expect(sim.faults.hangingCount).toBe(1);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.faults.hangingCount).toBe(0);
    expect((await call(sim, 'GET', '/ips')).status).toBe(200);
  });

  it('when a hang is set to apply first, then the write lands although no answer ever comes', async () => {
    const sim = seeded();
    const number = sim.state.planted.find((p) => p.kind === 'call_forwarding')!.id;
    sim.faults.hangNext(1, { afterApply: true });
    const abort = new AbortController();
    const pending = call(
      sim,
      'PATCH',
      `/phone_numbers/${number}/voice`,
      { call_forwarding: { call_forwarding_enabled: false } },
      {
        signal: abort.signal,
      },
    );
    await new Promise((r) => setImmediate(r));
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // Changed (issue 16): the simulator refuses a blank forwards_to now, so the write is the switch.
    expect(
      sim.state.phoneNumbers.find((n) => n.id === number)!.voice.call_forwarding.call_forwarding_enabled,
    ).toBe(false);
    expect(sim.stats.writesTo(number)).toBe(1);
  });

  it('when hanging requests are released, then in-process fetch fails as a dropped connection does', async () => {
    const sim = seeded();
    sim.faults.hangNext(2);
    const first = call(sim, 'GET', '/ips');
    const second = call(sim, 'GET', '/fqdns');
    await new Promise((r) => setImmediate(r));
    sim.faults.releaseHanging();
    await expect(first).rejects.toThrow(TypeError);
    await expect(second).rejects.toMatchObject({
      message: 'fetch failed',
      cause: { code: 'simulator_request_released' },
    });
  });
});
