import { WebAPIRateLimitedError } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from './manual-clock.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './start-fake-slack.js';
import { webClientFor } from './web-client-for.js';

async function retryAfterOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (err) {
    if (err instanceof WebAPIRateLimitedError) return err.retryAfter;
    throw err;
  }
  throw new Error('expected a 429');
}

describe('fake Slack: Tier limits', () => {
  let fs: FakeSlack;
  afterEach(() => fs.close());

  const start = async (options: FakeSlackOptions) => {
    fs = await startFakeSlack(options);
    return webClientFor(fs);
  };

  it('when a Tier 2 method is called a 21st time within the minute, then it gets 429 with Retry-After', async () => {
    const clock = manualClock();
    const client = await start({ now: clock.now });
    for (let i = 0; i < 20; i += 1) await client.conversations.create({ name: `c-${i}` });
    clock.advance(15_000);
    expect(await retryAfterOf(client.conversations.create({ name: 'c-20' }))).toBe(45);
    expect(fs.callsTo('conversations.create').at(-1)).toMatchObject({ status: 429, error: 'ratelimited' });
    expect(fs.channelByName('c-20')).toBeUndefined();
    clock.advance(45_000);
    await expect(client.conversations.create({ name: 'c-20' })).resolves.toMatchObject({ ok: true });
  });

  it('when the window is shrunk with tierScale, then the tier still bites and a shrunk minute frees it', async () => {
    const clock = manualClock();
    const client = await start({ now: clock.now, tierScale: 0.01 });
    for (let i = 0; i < 20; i += 1) await client.conversations.create({ name: `s-${i}` });
    expect(await retryAfterOf(client.conversations.create({ name: 's-20' }))).toBe(1);
    clock.advance(599);
    expect(await retryAfterOf(client.conversations.create({ name: 's-20' }))).toBe(1);
    clock.advance(1);
    await expect(client.conversations.create({ name: 's-20' })).resolves.toMatchObject({ ok: true });
  });

  it('when a channel takes a burst of posts, then the one past the burst is 429 while other channels are not', async () => {
    const clock = manualClock();
    const client = await start({ now: clock.now, limits: { postMessageBurst: 3 } });
    const a = (await client.conversations.create({ name: 'a' })).channel!.id!;
    const b = (await client.conversations.create({ name: 'b' })).channel!.id!;
    for (let i = 0; i < 3; i += 1) await client.chat.postMessage({ channel: a, text: `m${i}` });
    expect(await retryAfterOf(client.chat.postMessage({ channel: a, text: 'm3' }))).toBe(1);
    await expect(client.chat.postMessage({ channel: b, text: 'other' })).resolves.toMatchObject({ ok: true });
    clock.advance(1_000);
    await expect(client.chat.postMessage({ channel: a, text: 'm3' })).resolves.toMatchObject({ ok: true });
    expect(fs.messages(a).map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('when rateLimitNext is set, then exactly that many calls get 429 with the given Retry-After header', async () => {
    const client = await start({ tierLimits: false });
    fs.rateLimitNext('auth.test', 2, 7);
    const raw = await fetch(`${fs.apiUrl}auth.test`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-t' },
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(await retryAfterOf(client.auth.test())).toBe(7);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('when tier limits are off, then many calls in a moment all succeed', async () => {
    const client = await start({ tierLimits: false });
    for (let i = 0; i < 30; i += 1) await client.conversations.create({ name: `free-${i}` });
    expect(fs.callsTo('conversations.create').every((c) => c.status === 200)).toBe(true);
  });
});
