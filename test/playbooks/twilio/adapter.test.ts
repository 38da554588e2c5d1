import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twilioAdapter } from '../../../src/app/adapters/twilio-adapter.js';
import { loadConfig } from '../../../src/config/config.js';
import type { TwilioClient } from '../../../src/providers/twilio/index.js';
import { createLimiterFactory } from '../../../src/rate-limits/index.js';
import {
  loadTwilioSimulator,
  SEED_TRUSTED,
  serveTwilioSimulator,
} from '../../../src/sandbox/twilio/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { incidentFixture } from '../../support/incident-fixture.js';
import { NOW, SINCE, seeded } from './twilio-kit.js';

const incident = (id: string, rehearsal: boolean) =>
  incidentFixture({ id, provider: 'twilio', rehearsal, since: SINCE, createdAt: NOW });

async function adapterWith(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-twilio-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    // No SLACK_BOT_TOKEN: a provider key is accepted only with this (Reclaim Local on loopback).
    RECLAIM_LOCAL_REAL: '1',
    ...env,
  });
  const logger = silentLogger();
  return { dataDir, adapter: twilioAdapter({ config, logger, limiters: createLimiterFactory({ logger }) }) };
}

describe('the Twilio adapter', () => {
  it('when no Twilio credentials are set, then it is not configured but can rehearse, with the seed’s trusted hosts', async () => {
    const { adapter } = await adapterWith();
    expect(adapter).toMatchObject({ provider: 'twilio', configured: false, rehearsable: true });
    expect(adapter.rehearsalTrusted).toBe(SEED_TRUSTED);
    expect(adapter.steps.map((s) => s.id.split('.')[0])).toEqual(adapter.steps.map(() => 'twilio'));
  });

  it('when a rehearsal writes, then its simulated account is saved in DATA_DIR/sandbox and a new process resumes it', async () => {
    const { dataDir, adapter } = await adapterWith();
    const client = (await adapter.client(incident('inc-1', true))) as TwilioClient;
    const file = join(dataDir, 'sandbox', 'twilio-inc-1.json');
    expect(existsSync(file)).toBe(true);
    const secondary = await client.authTokens.createSecondary();
    await client.authTokens.promote();
    client.useAuthToken(secondary);
    expect((await loadTwilioSimulator(file)).authToken).toBe(secondary);

    const restarted = twilioAdapter({
      config: loadConfig({ DATA_DIR: dataDir }),
      logger: silentLogger(),
      limiters: createLimiterFactory(),
    });
    const again = (await restarted.client(incident('inc-1', true))) as TwilioClient;
    expect((await again.accounts.fetch()).sid).toBe(client.accountSid);
    expect(await adapter.client(incident('inc-1', true))).toBe(client);
  });

  it('when credentials are set, then the live client calls TWILIO_API_URL with them, both hosts on that origin', async () => {
    const sim = seeded();
    const served = await serveTwilioSimulator(sim);
    try {
      const { adapter } = await adapterWith({
        TWILIO_ACCOUNT_SID: sim.accountSid,
        TWILIO_AUTH_TOKEN: sim.authToken,
        TWILIO_API_URL: served.url,
      });
      expect(adapter.configured).toBe(true);
      const client = (await adapter.client(incident('inc-2', false))) as TwilioClient;
      expect((await client.keys.list()).items.length).toBe(sim.state.keys.length);
      await client.authTokens.deleteSecondary().catch(() => undefined);
      expect(sim.stats.routeCount('DELETE /v1/AuthTokens/Secondary')).toBe(1);
    } finally {
      await served.close();
    }
  });
});
