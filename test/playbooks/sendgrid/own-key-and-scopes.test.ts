import { describe, expect, it } from 'vitest';
import { DISABLE_UNKNOWN_SUBUSERS, REPLACE_API_KEYS } from '../../../src/playbooks/sendgrid/index.js';
import { SANDBOX_SENDGRID_API_KEY } from '../../../src/sandbox/sendgrid/index.js';
import { clientOf } from '../../sandbox/sendgrid/sim-kit.js';
import { executeAll, harness, seeded, step } from './sendgrid-kit.js';

const keys = () => step(REPLACE_API_KEYS);

describe('SendGrid: replacing the key Reclaim itself uses', () => {
  it('when the plan runs, then the client switches to the new key, which goes only to the connection, and the old one is deleted', async () => {
    const h = harness();
    const oldId = h.client.ownApiKeyId;
    const { actions } = await keys().discover(h.ctx);
    const outcomes = await executeAll(keys(), h.ctx, actions);
    const own = outcomes.find((o) => o.rotatedCredential);
    if (own?.rotatedCredential?.provider !== 'sendgrid') throw new Error('no rotated SendGrid key');
    const newKey = own.rotatedCredential.apiKey;
    expect(own.secrets).toBeUndefined();
    expect(own.result).toMatchObject({ reclaimUsesNewKey: true, replaces: oldId });
    expect(h.client.ownApiKeyId).toBe(own.result.apiKeyId);
    expect(h.sim.state.apiKeys.some((k) => k.api_key_id === oldId)).toBe(false);
    // The simulator now answers to the new key; the old one is refused.
    expect(h.sim.apiKey).toBe(newKey);
    expect(await h.client.user.email()).toBe('owner@acme-mail.example.com');
    const stale = harness(h.sim, { apiKey: SANDBOX_SENDGRID_API_KEY });
    await expect(stale.client.user.email()).rejects.toMatchObject({ code: 'provider_auth_failed' });
    const visible = JSON.stringify(outcomes.map((o) => o.result)) + h.logs.text;
    expect(visible).not.toContain(newKey);
    // The last two actions are the own key's: its replacement, then the old key.
    expect(actions.slice(-2).map((a) => [a.kind, a.target])).toEqual([
      ['create_api_key', oldId],
      ['delete_api_key', oldId],
    ]);
    expect((await keys().discover(h.ctx)).actions).toEqual([]);
  });

  it('when the replacement was made but the client did not switch (a crash), then deleting the old key refuses', async () => {
    const h = harness();
    const { actions } = await keys().discover(h.ctx);
    const ownDelete = actions.at(-1);
    if (!ownDelete) throw new Error('no plan');
    await expect(keys().execute(h.ctx, ownDelete, { recheck: true })).rejects.toMatchObject({
      code: 'sendgrid_own_key',
    });
    expect(h.sim.ownKeyExists()).toBe(true);
  });

  it('when the own replacement is rechecked after the client already switched, then it is done and no key is deleted', async () => {
    const h = harness();
    const { actions } = await keys().discover(h.ctx);
    const ownCreate = actions.at(-2);
    if (!ownCreate) throw new Error('no plan');
    await keys().execute(h.ctx, ownCreate, { recheck: false });
    const count = h.sim.state.apiKeys.length;
    const again = await keys().execute(h.ctx, ownCreate, { recheck: true });
    expect(again.result.note).toBe('already replaced; Reclaim uses it');
    expect(h.sim.state.apiKeys).toHaveLength(count);
  });

  it('when a client cannot switch keys, then the own replacement refuses before creating anything', async () => {
    const h = harness();
    const { actions } = await keys().discover(h.ctx);
    const ownCreate = actions.at(-2);
    if (!ownCreate) throw new Error('no plan');
    // The simulator kit's client is built for one key only (no `connect`).
    const fixed = clientOf(h.sim);
    await expect(
      keys().execute({ ...h.ctx, client: fixed }, ownCreate, { recheck: false }),
    ).rejects.toMatchObject({
      code: 'sendgrid_cannot_switch_key',
    });
    expect(h.sim.stats.totalWrites()).toBe(0);
    await expect(fixed.useApiKey(SANDBOX_SENDGRID_API_KEY)).rejects.toMatchObject({
      code: 'sendgrid_cannot_switch_key',
    });
  });
});

describe('SendGrid: scopes Reclaim’s own key does not hold (GET /v3/scopes)', () => {
  it('when a key holds a scope Reclaim’s key lacks, then the card says up front it cannot be replaced and nothing is planned for it', async () => {
    const sim = seeded({ apiKeys: 4 });
    const billing = sim.state.apiKeys.find((k) => k.name === 'Billing export');
    if (!billing) throw new Error('no billing key');
    const h = harness(sim);
    const d = await keys().discover(h.ctx);
    expect(d.actions.some((a) => a.target === billing.api_key_id)).toBe(false);
    const finding = d.findings.find((f) => f.resource === billing.api_key_id);
    expect(finding?.suspicious).toBe(true);
    expect(finding?.reasons).toEqual([
      'Reclaim’s own key lacks its scope (billing.read) and a key cannot grant scopes it does not hold, so Reclaim cannot make its replacement: replace it in Settings › API Keys, or connect a key that holds them and rediscover',
    ]);
    expect(d.summary).toMatch(/Reclaim's own key lacks scopes of 1 key \(flagged below\)/);
    expect(sim.stats.byRoute['GET /v3/scopes']).toBe(1);
  });

  it('when SendGrid refuses to list Reclaim’s scopes, then every key is planned as before', async () => {
    const sim = seeded({ apiKeys: 4 });
    const h = harness(sim);
    sim.faults.failWhen((r) => r.route === 'GET /v3/scopes', 403);
    const d = await keys().discover(h.ctx);
    const billing = sim.state.apiKeys.find((k) => k.name === 'Billing export');
    expect(d.actions.filter((a) => a.target === billing?.api_key_id).map((a) => a.kind)).toEqual([
      'create_api_key',
      'delete_api_key',
    ]);
    expect(h.logs.text).toContain('could not read the scopes');
  });
});

describe('SendGrid: the console access of subusers that are kept', () => {
  it('when subusers are kept enabled, then the card says their website access cannot be read and where to turn it off', async () => {
    const h = harness();
    const d = await step(DISABLE_UNKNOWN_SUBUSERS).discover(h.ctx);
    const kept = h.sim.state.subusers.filter((s) => !s.disabled && !s.email.includes('mail-blast'));
    expect(kept.length).toBeGreaterThan(0);
    expect(d.summary).toContain(
      `for the ${kept.length} enabled subusers kept (${kept.map((s) => s.username).join(', ')}), check Settings › Subuser Management and turn off Website Access`,
    );
    expect(d.summary).not.toContain('promo-sender)');
  });

  it('when every subuser is disabled, then the card says nothing about website access', async () => {
    const h = harness();
    for (const s of h.sim.state.subusers) s.disabled = true;
    const d = await step(DISABLE_UNKNOWN_SUBUSERS).discover(h.ctx);
    expect(d.summary).not.toContain('Website Access');
  });
});
