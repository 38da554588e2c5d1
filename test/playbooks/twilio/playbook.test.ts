import { describe, expect, it } from 'vitest';
import { TWILIO_STEPS, twilioPlaybook } from '../../../src/playbooks/twilio/index.js';
import { TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { AUTOMATED, harness } from './twilio-kit.js';

describe('the Twilio playbook', () => {
  it('when the steps are listed, then their stable ids, kinds and risks come in the checklist order', () => {
    expect(twilioPlaybook.provider).toBe('twilio');
    expect(twilioPlaybook.steps).toBe(TWILIO_STEPS);
    expect(TWILIO_STEPS.map((s) => [s.id, s.kind, s.risk])).toEqual([
      ['twilio.contain-now', 'automated', 'normal'],
      ['twilio.change-console-password', 'manual', 'high'],
      ['twilio.enable-2fa', 'manual', 'high'],
      ['twilio.rotate-auth-token', 'automated', 'high'],
      ['twilio.revoke-api-keys', 'automated', 'high'],
      ['twilio.review-console-users', 'manual', 'high'],
      ['twilio.suspend-subaccounts', 'automated', 'high'],
      ['twilio.rotate-subaccount-tokens', 'automated', 'high'],
      ['twilio.rotate-sip-credentials', 'automated', 'high'],
      ['twilio.remove-unknown-sip-ips', 'automated', 'high'],
      ['twilio.remove-sip-domain-mappings', 'automated', 'high'],
      ['twilio.reset-sip-domain-urls', 'automated', 'high'],
      ['twilio.remove-rogue-sip-trunks', 'automated', 'high'],
      ['twilio.reset-number-webhooks', 'automated', 'high'],
      ['twilio.reset-twiml-app-urls', 'automated', 'high'],
      ['twilio.reset-messaging-service-urls', 'automated', 'high'],
      ['twilio.close-geo-permissions', 'automated', 'high'],
      ['twilio.delete-outgoing-caller-ids', 'automated', 'normal'],
      ['twilio.add-usage-trigger', 'automated', 'normal'],
      ['twilio.review-payment-methods', 'manual', 'normal'],
      ['twilio.review-account-settings', 'automated', 'normal'],
    ]);
  });

  it('when the URL-clearing steps are shown, then their why says the right URL is set in the Console', () => {
    for (const id of [
      'twilio.reset-number-webhooks',
      'twilio.reset-twiml-app-urls',
      'twilio.reset-sip-domain-urls',
      'twilio.reset-messaging-service-urls',
    ]) {
      expect(TWILIO_STEPS.find((s) => s.id === id)?.why, id).toMatch(/set the right ones in the Console/);
    }
  });

  it('when the account holds nothing, then every step but the Auth Token and the spend alert plans nothing and says "Nothing found"', async () => {
    const { ctx, sim } = harness(TwilioSimulator.empty({ rateLimit: null }));
    for (const s of AUTOMATED) {
      const d = await s.discover(ctx);
      if (s.id === 'twilio.rotate-auth-token') {
        expect(d.actions.map((a) => a.kind)).toEqual(['rotate_auth_token']);
        continue;
      }
      if (s.id === 'twilio.add-usage-trigger') {
        expect(d.actions.map((a) => a.kind)).toEqual(['create_usage_trigger']);
        continue;
      }
      expect(d.actions, s.id).toEqual([]);
      expect(d.findings, s.id).toEqual([]);
      expect(d.summary, s.id).toMatch(/^Nothing found: /);
    }
    expect(sim.stats.totalWrites()).toBe(0);
  });
});
