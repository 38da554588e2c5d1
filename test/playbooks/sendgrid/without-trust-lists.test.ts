import { describe, expect, it } from 'vitest';
import { allowRuleRef } from '../../../src/providers/sendgrid/index.js';
import {
  ATTACKER_HOST,
  ATTACKER_IP,
  SANDBOX_SENDGRID_API_KEY,
  SendgridSimulator,
  sendgridPlantedIdsByKind,
} from '../../../src/sandbox/sendgrid/index.js';
import { harness, NOW, step, suspiciousResources } from './sendgrid-kit.js';

const CANNOT_TELL_HOST =
  'RECLAIM_TRUSTED_HOSTS is not set, so Reclaim cannot tell whether this host is yours';
const CANNOT_TELL_IP = 'RECLAIM_TRUSTED_IPS is not set, so Reclaim cannot tell whether this address is yours';

describe('SendGrid discovery when the trust lists are not set', () => {
  it('when no trusted hosts are set and the attacker’s Event Webhook predates the window, then it is flagged for review naming its host, nothing is disabled, and the summary does not say "Nothing found"', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] }, since: NOW });
    const d = await step('sendgrid.review-webhooks').discover(ctx);
    const [planted] = sendgridPlantedIdsByKind(sim).event_webhook;
    const finding = d.findings.find((f) => f.resource === planted);
    expect(finding?.suspicious).toBe(true);
    expect(finding?.reasons).toEqual([
      `sends delivery events (recipients included) to ${ATTACKER_HOST}; ${CANNOT_TELL_HOST}`,
    ]);
    const parse = sim.state.parseSettings[0];
    expect(d.findings.find((f) => f.resource === parse?.hostname)?.reasons).toEqual([
      expect.stringMatching(new RegExp(`^posts mail sent to ${parse?.hostname} to .+; ${CANNOT_TELL_HOST}$`)),
    ]);
    expect(d.actions).toEqual([]);
    expect(d.summary).toBe(
      '3 webhooks send your mail data to hosts Reclaim cannot judge (RECLAIM_TRUSTED_HOSTS is not set): check them below, or set it and rediscover.',
    );
  });

  it('when no trusted hosts are set, then a disabled Event Webhook needs no review', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] }, since: NOW });
    for (const w of sim.state.eventWebhooks) w.enabled = false;
    sim.state.parseSettings = [];
    const d = await step('sendgrid.review-webhooks').discover(ctx);
    expect(d.findings.filter((f) => f.suspicious)).toEqual([]);
    expect(d.summary).toMatch(/^Nothing found: 2 webhooks, none pointing at an unknown host/);
  });

  it('when no trusted IPs are set and the attacker’s address predates the window, then every allow-list entry and every address that got in is flagged for review, and nothing is planned', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { ips: [] }, since: NOW });
    const d = await step('sendgrid.review-ip-access').discover(ctx);
    const [entry] = sendgridPlantedIdsByKind(sim).allowed_ip;
    expect(d.findings.find((f) => f.resource === entry)?.reasons).toEqual([
      `allows ${ATTACKER_IP}; ${CANNOT_TELL_IP}`,
    ]);
    const [attempt] = sendgridPlantedIdsByKind(sim).access_attempt;
    expect(d.findings.find((f) => f.resource === attempt)?.reasons).toEqual([
      `got in from ${ATTACKER_IP}; ${CANNOT_TELL_IP}`,
    ]);
    const gotIn = sim.state.activity.filter((a) => a.allowed).length;
    expect(suspiciousResources(d)).toHaveLength(sim.state.allowList.length + gotIn);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/^RECLAIM_TRUSTED_IPS is not set, so nothing is planned: /);
    expect(d.summary).toContain(
      `Check the ${sim.state.allowList.length} entries on the allow list and the ${gotIn} addresses that got in recently below, or set it and rediscover.`,
    );
  });

  it('when no trusted IPs are set and the allow list holds *, then that entry is flagged for letting every address in', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { ips: [] } });
    sim.state.allowList.push({ id: 9001, ip: '*', created_at: 1, updated_at: 1 });
    const d = await step('sendgrid.review-ip-access').discover(ctx);
    expect(d.findings.find((f) => f.resource === allowRuleRef(9001))?.reasons).toEqual([
      'allows every address',
    ]);
    expect(d.actions).toEqual([]);
  });

  it('when the trust lists are set, then the same account is judged as before: only the attacker’s webhook is flagged, and disabled', async () => {
    const { sim, ctx } = harness(undefined, { since: NOW });
    const d = await step('sendgrid.review-webhooks').discover(ctx);
    const planted = sendgridPlantedIdsByKind(sim).event_webhook;
    expect(suspiciousResources(d)).toEqual(planted);
    expect(d.actions.map((a) => a.target)).toEqual(planted);
    expect(d.summary).toBe(
      'Of 3 webhooks: disable 1 Event Webhook sending your mail data to hosts that are not yours.',
    );
  });

  it('when the account holds no webhooks, allowed IPs or access activity and no trust list is set, then nothing is flagged and the webhook step says "Nothing found"', async () => {
    const sim = SendgridSimulator.empty(SANDBOX_SENDGRID_API_KEY, { rateLimit: null });
    const { ctx } = harness(sim, { trusted: { hosts: [], ips: [] } });
    const webhooks = await step('sendgrid.review-webhooks').discover(ctx);
    expect(webhooks.findings).toEqual([]);
    expect(webhooks.summary).toMatch(/^Nothing found: /);
    const access = await step('sendgrid.review-ip-access').discover(ctx);
    expect(access.findings.filter((f) => f.suspicious)).toEqual([]);
    expect(access.summary).not.toContain('Check the');
  });
});
