import { chmod, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProviderHttp } from '../../../src/providers/http/index.js';
import { createSendgridClient } from '../../../src/providers/sendgrid/index.js';
import {
  loadSendgridSimulator,
  SANDBOX_SENDGRID_API_KEY,
  SendgridSimulator,
  saveSendgridSimulator,
  serveSendgridSimulator,
} from '../../../src/sandbox/sendgrid/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { clientOf, seeded } from './sim-kit.js';

describe('saving and loading a simulated account', () => {
  it('when an account is saved and loaded, then it is the same account, changes included, in a 0600 file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-sim-'));
    const file = join(dir, 'sandbox', 'sendgrid-x.json');
    const sim = seeded();
    await clientOf(sim).subusers.setDisabled('promo-sender', true);
    await saveSendgridSimulator(sim, file);
    const loaded = await loadSendgridSimulator(file, { rateLimit: null });
    expect(loaded.toJSON()).toEqual(sim.toJSON());
    expect(loaded.state.subusers.find((s) => s.username === 'promo-sender')?.disabled).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The id generator carries on where it stopped: the next key is the one the original would make.
    const next = await clientOf(loaded).apiKeys.create({ name: 'after load', scopes: [] });
    const original = await clientOf(sim).apiKeys.create({ name: 'after load', scopes: [] });
    expect(next.key.api_key_id).toBe(original.key.api_key_id);
  });

  it.each([
    ['not JSON', '{"version":'],
    ['another version', JSON.stringify({ version: 99 })],
    ['a list of the wrong shape', JSON.stringify({ ...seeded().toJSON(), subusers: [{ username: 'x' }] })],
  ])('when the saved file is %s, then loading fails with simulator_bad_state', async (_what, text) => {
    const file = join(await mkdtemp(join(tmpdir(), 'sg-bad-')), 'a.json');
    await writeFile(file, text);
    await chmod(file, 0o600);
    await expect(loadSendgridSimulator(file)).rejects.toMatchObject({ code: 'simulator_bad_state' });
  });

  it('when an empty account is made, then it answers to its key and lists only that key', async () => {
    const sim = SendgridSimulator.empty(SANDBOX_SENDGRID_API_KEY, { rateLimit: null });
    expect((await clientOf(sim).apiKeys.list()).items.map((k) => k.api_key_id)).toEqual([
      'RcLmSandboxKey00000001',
    ]);
    expect(sim.state.teammates).toEqual([]);
  });
});

describe('the simulator over HTTP', () => {
  it('when served on 127.0.0.1, then the real client reads and writes it over the network', async () => {
    const sim = seeded();
    const served = await serveSendgridSimulator(sim);
    try {
      const http = createProviderHttp({
        provider: 'sendgrid',
        account: 'served',
        baseUrl: served.url,
        auth: { bearer: SANDBOX_SENDGRID_API_KEY },
        ratePerSec: 500,
        timeUnitMs: 1,
        logger: silentLogger(),
      });
      const client = createSendgridClient(http);
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await client.teammates.list()).items.length).toBe(6);
      await client.parseSettings.delete('inbound.acme-mail.example.com');
      expect(sim.state.parseSettings).toEqual([]);
      sim.faults.hangNext(1);
      const hanging = client.user.email().catch((err: unknown) => err);
      await new Promise((r) => setTimeout(r, 20));
      await served.close();
      expect(await hanging).toMatchObject({ code: 'provider_unavailable' });
    } finally {
      await served.close();
    }
  });
});
