import { describe, expect, it } from 'vitest';
import { REPLACE_API_KEYS, SENDGRID_STEPS, sendgridPlaybook } from '../../../src/playbooks/sendgrid/index.js';
import { SANDBOX_SENDGRID_API_KEY, SendgridSimulator } from '../../../src/sandbox/sendgrid/index.js';
import { AUTOMATED, harness } from './sendgrid-kit.js';

describe('the SendGrid playbook', () => {
  it('when the steps are listed, then their stable ids, kinds and risks come in the checklist order', () => {
    expect(sendgridPlaybook.provider).toBe('sendgrid');
    expect(sendgridPlaybook.steps).toBe(SENDGRID_STEPS);
    expect(SENDGRID_STEPS.map((s) => [s.id, s.kind, s.risk])).toEqual([
      ['sendgrid.contain-now', 'automated', 'normal'],
      ['sendgrid.change-password', 'manual', 'high'],
      ['sendgrid.enable-2fa', 'manual', 'high'],
      ['sendgrid.replace-api-keys', 'automated', 'high'],
      ['sendgrid.review-ip-access', 'automated', 'high'],
      ['sendgrid.remove-unknown-teammates', 'automated', 'high'],
      ['sendgrid.disable-unknown-subusers', 'automated', 'high'],
      ['sendgrid.review-senders', 'automated', 'high'],
      ['sendgrid.review-webhooks', 'automated', 'high'],
      ['sendgrid.review-mail-settings', 'automated', 'normal'],
      ['sendgrid.review-sent-email', 'automated', 'normal'],
      ['sendgrid.review-payment-methods', 'manual', 'normal'],
      ['sendgrid.review-account-settings', 'manual', 'normal'],
    ]);
  });

  it('when the password card is shown, then it covers the unified Twilio login as well as the SendGrid one', () => {
    const card = SENDGRID_STEPS.find((s) => s.id === 'sendgrid.change-password');
    expect(card?.kind === 'manual' && card.instructions).toMatch(/Twilio Console/);
    expect(card?.kind === 'manual' && card.instructions).toMatch(/Account Details/);
  });

  it('when the account holds nothing but Reclaim’s key, then every automated step plans nothing and says "Nothing found", but the key is replaced', async () => {
    const { ctx, sim } = harness(SendgridSimulator.empty(SANDBOX_SENDGRID_API_KEY, { rateLimit: null }));
    const keys = await AUTOMATED.find((s) => s.id === REPLACE_API_KEYS)!.discover(ctx);
    expect(keys.actions.map((a) => [a.kind, a.target, a.params.own])).toEqual([
      ['create_api_key', ctx.client.ownApiKeyId, true],
      ['delete_api_key', ctx.client.ownApiKeyId, true],
    ]);
    for (const s of AUTOMATED.filter((a) => a.id !== REPLACE_API_KEYS)) {
      const d = await s.discover(ctx);
      expect(d.actions, s.id).toEqual([]);
      expect(
        d.findings.filter((f) => f.suspicious),
        s.id,
      ).toEqual([]);
      expect(d.summary, s.id).toMatch(/^Nothing found: /);
    }
    expect(sim.stats.totalWrites()).toBe(0);
  });
});
