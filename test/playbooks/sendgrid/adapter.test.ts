import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendgridAdapter, sendgridSandboxFile } from '../../../src/app/adapters/sendgrid-adapter.js';
import { loadConfig } from '../../../src/config/config.js';
import { SENDGRID_STEPS } from '../../../src/playbooks/sendgrid/index.js';
import type { SendgridClient } from '../../../src/providers/sendgrid/index.js';
import { createLimiterFactory } from '../../../src/rate-limits/index.js';
import {
  loadSendgridSimulator,
  SEED_TRUSTED,
  serveSendgridSimulator,
} from '../../../src/sandbox/sendgrid/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { incidentFixture } from '../../support/incident-fixture.js';
import { LogCapture } from '../telnyx/telnyx-kit.js';
import { NOW, SINCE, seeded } from './sendgrid-kit.js';

const incident = (id: string, rehearsal: boolean) =>
  incidentFixture({ id, provider: 'sendgrid', rehearsal, since: SINCE, createdAt: NOW });

async function adapterWith(env: Record<string, string> = {}, logger = silentLogger()) {
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-sendgrid-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    RECLAIM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    // No SLACK_BOT_TOKEN: a provider key is accepted only with this (Reclaim Local on loopback).
    RECLAIM_LOCAL_REAL: '1',
    ...env,
  });
  return {
    dataDir,
    adapter: sendgridAdapter({ config, logger, limiters: createLimiterFactory({ logger }) }),
  };
}

describe('the SendGrid adapter', () => {
  it('when no key is set, then it is not configured but can rehearse, with the seed’s trusted hosts and IPs', async () => {
    const { adapter } = await adapterWith();
    expect(adapter).toMatchObject({ provider: 'sendgrid', configured: false, rehearsable: true });
    expect(adapter.rehearsalTrusted).toBe(SEED_TRUSTED);
    expect(adapter.steps).toBe(SENDGRID_STEPS);
    expect(adapter.steps.every((s) => s.id.startsWith('sendgrid.'))).toBe(true);
  });

  it('when a rehearsal writes, then its account is saved in DATA_DIR/sandbox and a new process resumes it', async () => {
    const { dataDir, adapter } = await adapterWith();
    const client = (await adapter.client(incident('inc-1', true))) as SendgridClient;
    const file = sendgridSandboxFile(dataDir, 'inc-1');
    expect(file).toBe(join(dataDir, 'sandbox', 'sendgrid-inc-1.json'));
    expect(existsSync(file)).toBe(true);
    expect(client.ownApiKeyId).toBe('RcLmSandboxKey00000001');
    await client.subusers.setDisabled('promo-sender', true);
    expect(
      (await loadSendgridSimulator(file)).state.subusers.find((s) => s.username === 'promo-sender')?.disabled,
    ).toBe(true);

    const restarted = sendgridAdapter({
      config: loadConfig({ DATA_DIR: dataDir }),
      logger: silentLogger(),
      limiters: createLimiterFactory(),
    });
    const again = (await restarted.client(incident('inc-1', true))) as SendgridClient;
    expect((await again.subusers.list({ username: 'promo-sender' })).items[0]?.disabled).toBe(true);
    expect(await adapter.client(incident('inc-1', true))).toBe(client);
    expect(await adapter.client(incident('inc-2', true))).not.toBe(client);
  });

  it('when a rehearsal replaces Reclaim’s own key, then the account file remembers the new one and a new process signs with it', async () => {
    const { dataDir, adapter } = await adapterWith();
    const client = (await adapter.client(incident('inc-own', true))) as SendgridClient;
    const created = await client.apiKeys.create({
      name: 'Reclaim (replaced by Reclaim)',
      scopes: ['mail.send'],
    });
    await client.useApiKey(created.secret);
    await client.apiKeys.delete('RcLmSandboxKey00000001');
    expect(client.ownApiKeyId).toBe(created.key.api_key_id);
    expect((await loadSendgridSimulator(sendgridSandboxFile(dataDir, 'inc-own'))).apiKey).toBe(
      created.secret,
    );
    const restarted = sendgridAdapter({
      config: loadConfig({ DATA_DIR: dataDir }),
      logger: silentLogger(),
      limiters: createLimiterFactory(),
    });
    const again = (await restarted.client(incident('inc-own', true))) as SendgridClient;
    expect(again.ownApiKeyId).toBe(created.key.api_key_id);
    expect(await again.user.email()).toBe('owner@acme-mail.example.com');
  });

  it('when the live client switches to a new key, then later requests carry it and the old one may go', async () => {
    const sim = seeded();
    const served = await serveSendgridSimulator(sim);
    try {
      const { adapter } = await adapterWith({ SENDGRID_API_KEY: sim.apiKey, SENDGRID_API_URL: served.url });
      const client = (await adapter.client(incident('inc-live-2', false))) as SendgridClient;
      const created = await client.apiKeys.create({
        name: 'Reclaim (replaced by Reclaim)',
        scopes: ['mail.send'],
      });
      await client.useApiKey(created.secret);
      await client.apiKeys.delete('RcLmSandboxKey00000001');
      expect(await client.user.email()).toBe('owner@acme-mail.example.com');
      expect(sim.apiKey).toBe(created.secret);
    } finally {
      await served.close();
    }
  });

  it('when a key is set, then the live client calls SENDGRID_API_URL with it and knows its own key id', async () => {
    const sim = seeded();
    const served = await serveSendgridSimulator(sim);
    try {
      const { adapter } = await adapterWith({
        SENDGRID_API_KEY: sim.apiKey,
        SENDGRID_API_URL: served.url,
        SENDGRID_RATE_PER_SEC: '200',
      });
      expect(adapter.configured).toBe(true);
      const client = (await adapter.client(incident('inc-live', false))) as SendgridClient;
      expect(client.ownApiKeyId).toBe('RcLmSandboxKey00000001');
      expect(await client.user.email()).toBe('owner@acme-mail.example.com');
      expect(sim.stats.requests).toBe(1);
    } finally {
      await served.close();
    }
  });

  it('when the live client cancels an invitation, then the logged request paths never carry its token', async () => {
    const sim = seeded();
    const served = await serveSendgridSimulator(sim);
    const logs = new LogCapture();
    try {
      const env = {
        SENDGRID_API_KEY: sim.apiKey,
        SENDGRID_API_URL: served.url,
        SENDGRID_RATE_PER_SEC: '200',
      };
      const { adapter } = await adapterWith(env, logs.logger);
      const client = (await adapter.client(incident('inc-live', false))) as SendgridClient;
      const tokens = (await client.teammates.listPending()).items.map((i) => i.token);
      sim.faults.failNext(1, 429);
      await client.teammates.cancelInvite(tokens[0] ?? '');
      expect(sim.state.invites.map((i) => i.token)).not.toContain(tokens[0]);
      expect(logs.text).toContain('/v3/teammates/pending/[redacted]');
      expect(logs.text).toContain('provider request failed; retrying');
      for (const token of tokens) expect(logs.text).not.toContain(token);
    } finally {
      await served.close();
    }
  });
});
