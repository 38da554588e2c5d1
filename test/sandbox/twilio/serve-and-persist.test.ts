import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadTwilioSimulator,
  saveTwilioSimulator,
  serveTwilioSimulator,
  unresolvedTwilioChanges,
} from '../../../src/sandbox/twilio/index.js';
import { call, own, seeded } from './sim-kit.js';

const httpFetch = (url: string, init: RequestInit) => fetch(url, init);

describe('Twilio simulator over HTTP', () => {
  it('when served on 127.0.0.1, then both the 2010 and the accounts v1 paths answer on the one origin', async () => {
    const sim = seeded();
    const served = await serveTwilioSimulator(sim);
    try {
      const keys = await call(sim, 'GET', own(sim, '/Keys.json'), undefined, {
        fetch: httpFetch,
        origin: served.url,
      });
      const secondary = await call(sim, 'POST', '/v1/AuthTokens/Secondary', undefined, {
        fetch: httpFetch,
        origin: served.url,
      });
      expect(keys.status).toBe(200);
      expect(secondary.status).toBe(201);
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await served.close();
    }
  });

  it('when a request hangs and the server closes, then the connection drops and close resolves', async () => {
    const sim = seeded();
    const served = await serveTwilioSimulator(sim);
    sim.faults.hangNext(1);
    const pending = call(sim, 'GET', own(sim, '/Keys.json'), undefined, {
      fetch: httpFetch,
      origin: served.url,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await served.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('saving and loading a simulated Twilio account', () => {
  it('when an account is saved and loaded, then it is the same account, changes and tokens included', async () => {
    const sim = seeded();
    await call(sim, 'POST', '/v1/AuthTokens/Secondary');
    await call(sim, 'POST', '/v1/AuthTokens/Promote');
    const file = join(await mkdtemp(join(tmpdir(), 'twilio-sim-')), 'sandbox', 'twilio-x.json');
    await saveTwilioSimulator(sim, file);
    const loaded = await loadTwilioSimulator(file, { rateLimit: null });
    expect(loaded.toJSON()).toEqual(sim.toJSON());
    expect(unresolvedTwilioChanges(loaded).map((c) => c.kind)).not.toContain('auth_token');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await call(loaded, 'GET', own(loaded, '/Keys.json'))).status).toBe(200);
  });

  it.each([
    { content: 'not json', message: /is not JSON/ },
    { content: JSON.stringify({ version: 99 }), message: /invalid at version/ },
  ])(
    'when the saved file is damaged ($content), then loading fails with simulator_bad_state',
    async ({ content, message }) => {
      const file = join(await mkdtemp(join(tmpdir(), 'twilio-sim-')), 'bad.json');
      await writeFile(file, content);
      await expect(loadTwilioSimulator(file)).rejects.toMatchObject({ code: 'simulator_bad_state' });
      await expect(loadTwilioSimulator(file)).rejects.toThrow(message);
      expect(await readFile(file, 'utf8')).toBe(content);
    },
  );
});
