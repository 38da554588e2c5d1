import { describe, expect, it } from 'vitest';
import type { ProviderObserver } from '../../../src/providers/http/index.js';
import { EpochTokenBucket } from '../../../src/sandbox/sendgrid/index.js';
import { clientOf, raw, seeded } from './sim-kit.js';

describe('the simulator’s rate limit', () => {
  it('when the bucket is empty, then it answers 429 with SendGrid’s body and an epoch X-RateLimit-Reset', async () => {
    const sim = seeded({ simulator: { rateLimit: { perSecond: 1, burst: 2 } } });
    const answers = [await raw(sim, 'GET', '/v3/user/email'), await raw(sim, 'GET', '/v3/user/email')];
    const limited = await raw(sim, 'GET', '/v3/user/email');
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('2');
    expect(answers[1]?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ errors: [{ field: null, message: 'too many requests' }] });
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(1e9);
    expect(reset * 1000).toBeGreaterThanOrEqual(Date.now());
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(sim.stats.rateLimited).toBe(1);
  });

  it.each([
    { when: 'the bucket is full', elapsedMs: 0, taken: 3, allowed: [true, true, true] },
    { when: 'it is drained past the burst', elapsedMs: 0, taken: 4, allowed: [true, true, true, false] },
  ])('when $when, then takes are allowed: $allowed', ({ taken, allowed }) => {
    let now = 1_000_000;
    const bucket = new EpochTokenBucket({ perSecond: 3 }, () => now);
    const seen = Array.from({ length: taken }, () => bucket.take().allowed);
    expect(seen).toEqual(allowed);
    now += 1_000;
    expect(bucket.take().allowed).toBe(true);
  });

  it('when a client reads faster than the limit, then it waits out each 429 by the reset header and finishes', async () => {
    // A wall clock twenty times faster than real time on both sides (timeUnitMs 50: a provider
    // second is 50 real ms), so waiting for a reset at most two whole seconds away takes ≤ 100 ms.
    const lapse = () => Date.now() * 20;
    const sim = seeded({ simulator: { rateLimit: { perSecond: 5, burst: 1 }, rateClock: lapse } });
    const waits: number[] = [];
    const observer: ProviderObserver = {
      requestFinished: () => undefined,
      rateLimited: (e) => waits.push(e.retryAfterMs),
    };
    const client = clientOf(sim, { observer, now: lapse, timeUnitMs: 50 });
    const keys = (await client.apiKeys.list()).items;
    const detailed = await Promise.all(keys.map((k) => client.apiKeys.get(k.api_key_id)));
    expect(detailed).toHaveLength(keys.length);
    expect(sim.stats.rateLimited).toBeGreaterThan(0);
    expect(waits.length).toBe(sim.stats.rateLimited);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(2_000);
  });
});

describe('injected faults', () => {
  it('when the next request is made to fail with 503, then a read is retried by the client and succeeds', async () => {
    const sim = seeded();
    sim.faults.failNext(1, 503);
    expect(await clientOf(sim).user.email()).toBe('owner@acme-mail.example.com');
    expect(sim.stats.byStatus).toMatchObject({ 503: 1, 200: 1 });
  });

  it('when a delete fails after it was applied, then the account changed and the client reports an unknown outcome', async () => {
    const sim = seeded();
    const target = sim.state.teammates.find((t) => t.username === 'mailops');
    sim.faults.failWhen((r) => r.route === 'DELETE /v3/teammates/{username}', 502, { afterApply: true });
    await expect(clientOf(sim).teammates.delete('mailops')).rejects.toMatchObject({ outcomeUnknown: true });
    expect(target).toBeDefined();
    expect(sim.state.teammates.some((t) => t.username === 'mailops')).toBe(false);
    expect(sim.stats.writesTo('mailops')).toBe(1);
  });

  it('when a request hangs, then the client times out and the simulator lets it go', async () => {
    const sim = seeded();
    sim.faults.hangNext(1);
    await expect(
      clientOf(sim, { timeoutMs: 50, retry: { maxRetries: 0 } }).user.email(),
    ).rejects.toMatchObject({
      code: 'provider_timeout',
    });
    expect(sim.faults.hangingCount).toBe(0);
  });
});
