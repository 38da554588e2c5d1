import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { bearerHttp, clientPerIncident, savingAfterWrites } from '../../../src/app/adapters/adapter-kit.js';
import { loadConfig } from '../../../src/config/config.js';
import type { FetchLike } from '../../../src/providers/http/index.js';
import { createLimiterFactory } from '../../../src/rate-limits/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { incidentFixture } from '../../support/incident-fixture.js';

const incident = (id: string, rehearsal: boolean) => incidentFixture({ id, provider: 'telnyx', rehearsal });

describe('clientPerIncident', () => {
  it('when asked for several incidents, then each rehearsal keeps its own client and a real one is built afresh at each call (its credential read again)', async () => {
    let opened = 0;
    const client = clientPerIncident({
      rehearsal: async (i) => `sim:${i.id}:${++opened}`,
      live: async (i) => `live:${i.id}:${++opened}`,
    });
    expect(await client(incident('a', true))).toBe('sim:a:1');
    expect(await client(incident('a', true))).toBe('sim:a:1');
    expect(await client(incident('b', true))).toBe('sim:b:2');
    expect(await client(incident('c', false))).toBe('live:c:3');
    expect(await client(incident('c', false))).toBe('live:c:4');
  });

  it('when a client fails to open, then the next call opens it again', async () => {
    let attempts = 0;
    const client = clientPerIncident({
      rehearsal: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('disk full');
        return 'sim';
      },
      live: async () => {
        throw new Error('not used');
      },
    });
    await expect(client(incident('a', true))).rejects.toThrow('disk full');
    await Promise.resolve();
    expect(await client(incident('a', true))).toBe('sim');
    await expect(client(incident('b', false))).rejects.toThrow('not used');
  });
});

describe('savingAfterWrites', () => {
  const ok: FetchLike = async () => new Response('{}', { status: 200 });

  it('when a request changes the account, then it is saved before the answer is handed back; reads are not', async () => {
    const saved: string[] = [];
    let release!: () => void;
    const save = vi.fn(() =>
      new Promise<void>((resolve) => (release = resolve)).then(() => void saved.push('x')),
    );
    const fetch = savingAfterWrites(ok, save, silentLogger(), 'telnyx');
    await fetch('https://sim.invalid/a', { method: 'GET' });
    expect(save).not.toHaveBeenCalled();
    let answered = false;
    const write = fetch('https://sim.invalid/a', { method: 'PATCH' }).then(() => (answered = true));
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(answered).toBe(false);
    release();
    await write;
    expect(saved).toEqual(['x']);
  });

  it('when a save fails, then the change is still answered and the failure logged', async () => {
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const fetch = savingAfterWrites(ok, async () => Promise.reject(new Error('EACCES')), logger, 'sendgrid');
    const res = await fetch('https://sim.invalid/a', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(warn).toHaveBeenCalledWith({ provider: 'sendgrid', err: 'EACCES' }, 'sandbox account not saved');
  });
});

describe('bearerHttp', () => {
  it('when a request goes out, then its limiter (and so /metrics) names the account, nothing derived from the key', async () => {
    const apiKey = 'KEY0123456789abcdefSECRET';
    const keys: string[] = [];
    const limiters = createLimiterFactory({ timeUnitMs: 1 });
    const recording = {
      ...limiters,
      get: (key: string, rate: number) => {
        keys.push(key);
        return limiters.get(key, rate);
      },
    };
    const fetch: FetchLike = async () =>
      new Response(JSON.stringify({ data: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const http = bearerHttp(
      'telnyx',
      { account: 'env', baseUrl: 'https://api.example.invalid/v2', apiKey, ratePerSec: 100, fetch },
      { config: loadConfig({}), logger: silentLogger(), limiters: recording },
    );
    await http.request({
      method: 'GET',
      path: '/balance',
      schema: z.unknown(),
      operation: 'read the balance',
    });
    await limiters.close();
    const digest = createHash('sha256').update(apiKey).digest('hex');
    expect(keys).toEqual(['telnyx:env']);
    expect(keys.join()).not.toContain(digest.slice(0, 8));
  });
});
