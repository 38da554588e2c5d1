import { describe, expect, it } from 'vitest';
import {
  CONTAIN_NOW,
  TELNYX_API_KEYS_PAGE,
  TELNYX_SAFE_LIMITS,
  TELNYX_STEPS,
  telnyxPlaybook,
} from '../../../src/playbooks/telnyx/index.js';
import { TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { AUTOMATED, harness, step } from './telnyx-kit.js';

describe('the Telnyx playbook', () => {
  it('when the steps are listed, then their stable ids, kinds and risks come in the checklist order', () => {
    expect(telnyxPlaybook.provider).toBe('telnyx');
    expect(telnyxPlaybook.steps).toBe(TELNYX_STEPS);
    expect(TELNYX_STEPS.map((s) => [s.id, s.kind, s.risk])).toEqual([
      ['telnyx.contain-now', 'automated', 'normal'],
      ['telnyx.change-portal-password', 'manual', 'high'],
      ['telnyx.enable-2fa', 'manual', 'high'],
      ['telnyx.remove-unknown-users', 'automated', 'high'],
      ['telnyx.revoke-oauth-access', 'automated', 'high'],
      ['telnyx.review-api-allow-list', 'automated', 'high'],
      ['telnyx.rotate-sip-credentials', 'automated', 'high'],
      ['telnyx.review-ip-connections', 'automated', 'high'],
      ['telnyx.regenerate-messaging-secret', 'automated', 'high'],
      ['telnyx.replace-api-keys', 'manual', 'high'],
      ['telnyx.delete-integration-secrets', 'automated', 'high'],
      ['telnyx.disable-forwarding', 'automated', 'high'],
      ['telnyx.rotate-port-out-pins', 'automated', 'normal'],
      ['telnyx.review-call-control-apps', 'automated', 'high'],
      ['telnyx.review-texml-apps', 'automated', 'high'],
      ['telnyx.set-spend-limits', 'automated', 'normal'],
      ['telnyx.review-billing-alerts', 'automated', 'normal'],
      ['telnyx.review-usage-billing', 'manual', 'normal'],
    ]);
  });

  it('when the API-key step is shown, then it points at the portal page and warns that disabling a key does not stop TeXML apps', () => {
    const keys = TELNYX_STEPS.find((s) => s.id === 'telnyx.replace-api-keys');
    expect(keys?.kind).toBe('manual');
    if (keys?.kind !== 'manual') return;
    expect(keys.instructions).toContain(TELNYX_API_KEYS_PAGE);
    expect(keys.instructions).toMatch(/does \*not\* stop TeXML/);
  });

  it('when the spend-limit step is shown, then the safe values it sets are exported and named in its why', () => {
    expect(TELNYX_SAFE_LIMITS).toEqual({
      dailySpendLimit: '50.00',
      maxDestinationRate: 0.1,
      messagingDailySpendLimit: '50.00',
    });
    expect(TELNYX_STEPS.find((s) => s.id === 'telnyx.set-spend-limits')?.why).toContain('$50.00');
  });

  it('when the account holds nothing, then every automated step plans nothing and says "Nothing found"', async () => {
    const { ctx, sim } = harness(TelnyxSimulator.empty('KEYempty', { rateLimit: null }));
    for (const s of [step(CONTAIN_NOW), ...AUTOMATED]) {
      const d = await s.discover(ctx);
      expect(d.actions, s.id).toEqual([]);
      // The balance is always there to show, and an account without a balance alert is told to set one up.
      if (s.id === 'telnyx.review-billing-alerts') {
        expect(d.findings.map((f) => f.resource)).toEqual(['balance', 'balance-alert']);
      } else expect(d.findings, s.id).toEqual([]);
      expect(d.summary, s.id).toMatch(/^Nothing found: /);
    }
    expect(sim.stats.totalWrites()).toBe(0);
  });
});
