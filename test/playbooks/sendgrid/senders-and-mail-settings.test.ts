import { describe, expect, it } from 'vitest';
import { REVIEW_MAIL_SETTINGS, REVIEW_SENDERS } from '../../../src/playbooks/sendgrid/index.js';
import {
  ATTACKER_DOMAIN,
  COMPANY_DOMAIN,
  sendgridPlantedIdsByKind,
} from '../../../src/sandbox/sendgrid/index.js';
import { executeAll, harness, step } from './sendgrid-kit.js';

const senders = () => step(REVIEW_SENDERS);
const mail = () => step(REVIEW_MAIL_SETTINGS);

describe('SendGrid senders, domains and links', () => {
  it('when the seeded account is discovered, then the attacker’s sender, domain and link are planned for deletion and the company’s kept', async () => {
    const { sim, ctx } = harness();
    const d = await senders().discover(ctx);
    const theirs = sim.state.verifiedSenders.find((v) => v.from_email.endsWith(ATTACKER_DOMAIN));
    const domain = sim.state.authenticatedDomains.find((x) => x.domain === ATTACKER_DOMAIN);
    const link = sim.state.brandedLinks.find((x) => x.domain === ATTACKER_DOMAIN);
    expect(d.actions.map((a) => `${a.kind} ${a.target}`)).toEqual([
      `delete_verified_sender ${theirs?.id}`,
      `delete_authenticated_domain ${domain?.id}`,
      `delete_branded_link ${link?.id}`,
    ]);
    expect(d.actions[0]?.description).toBe(
      `Delete Sender “Account Security” (${theirs?.id}) <security@${ATTACKER_DOMAIN}>`,
    );
    expect(d.findings.find((f) => f.resource === `domain:${domain?.id}`)?.reasons).toEqual([
      `signs mail for ${ATTACKER_DOMAIN} is not on your domains (acme-mail.example.com)`,
    ]);
    expect(d.findings.filter((f) => !f.suspicious).map((f) => f.summary)).toEqual([
      expect.stringContaining(`<orders@${COMPANY_DOMAIN}>`),
      expect.stringContaining(`Authenticated domain em.${COMPANY_DOMAIN}`),
      expect.stringContaining(`Branded link links.${COMPANY_DOMAIN}`),
    ]);
    expect(d.summary).toMatch(
      /^Delete 1 Sender Identity, 1 authenticated domain, 1 branded link outside your domains/,
    );
  });

  it('when the plan is executed, then the three are gone, and again with recheck nothing more is written', async () => {
    const { sim, ctx } = harness();
    const { actions } = await senders().discover(ctx);
    await executeAll(senders(), ctx, actions);
    expect(sim.state.verifiedSenders.map((v) => v.from_email)).toEqual([`orders@${COMPANY_DOMAIN}`]);
    expect(sim.state.authenticatedDomains.map((x) => x.domain)).toEqual([COMPANY_DOMAIN]);
    expect(sim.state.brandedLinks.map((x) => x.domain)).toEqual([COMPANY_DOMAIN]);
    const writes = sim.stats.totalWrites();
    const again = await executeAll(senders(), ctx, actions, true);
    expect(again.map((o) => o.result.note)).toEqual(['already gone', 'already gone', 'already gone']);
    expect(sim.stats.totalWrites()).toBe(writes);
    expect((await senders().discover(ctx)).actions).toEqual([]);
  });

  it('when a company domain was validated inside the window, then it is flagged for a person and not deleted', async () => {
    const { sim, ctx } = harness();
    const ours = sim.state.authenticatedDomains.find((x) => x.domain === COMPANY_DOMAIN);
    if (!ours) throw new Error('no company domain');
    ours.last_validation_attempt_at = Math.floor(Date.now() / 1000);
    const d = await senders().discover(ctx);
    expect(d.findings.find((f) => f.resource === `domain:${ours.id}`)?.reasons).toEqual([
      expect.stringMatching(/^validated .* UTC, after the incident began: check that it is yours$/),
    ]);
    expect(d.actions.some((a) => a.target === String(ours.id))).toBe(false);
  });

  it('when Reclaim knows none of the domains, then nothing is planned and the card sends a person to the console', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] } });
    sim.faults.failWhen((r) => r.route === 'GET /v3/user/email', 403);
    const d = await senders().discover(ctx);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(
      /^Reclaim knows none of your domains .* in the console \(Settings › Sender Authentication\)\.$/,
    );
  });

  it('when a sender sends as the company but takes replies elsewhere, then it is deleted for the reply address', async () => {
    const { sim, ctx } = harness();
    const ours = sim.state.verifiedSenders[0]!;
    ours.reply_to = `inbox@${ATTACKER_DOMAIN}`;
    const d = await senders().discover(ctx);
    expect(d.findings.find((f) => f.resource === `sender:${ours.id}`)?.reasons).toEqual([
      `takes replies at inbox@${ATTACKER_DOMAIN} is not on your domains (acme-mail.example.com)`,
    ]);
    expect(d.actions.map((a) => a.target)).toContain(String(ours.id));
  });
});

describe('SendGrid forwarding and alerts', () => {
  it('when the seeded account is discovered, then both forwardings are turned off and the attacker’s alert deleted, the owner’s kept', async () => {
    const { sim, ctx } = harness();
    const d = await mail().discover(ctx);
    const theirs = sendgridPlantedIdsByKind(sim).alert[0];
    expect(d.actions.map((a) => `${a.kind} ${a.target}`)).toEqual([
      'disable_forward_spam forward_spam',
      'disable_forward_bounce forward_bounce',
      `delete_alert ${theirs?.replace('alert:', '')}`,
    ]);
    const spam = d.findings.find((f) => f.resource === 'mail-setting:forward_spam');
    // Only the outside address of the list is named; the company's abuse@ is not.
    expect(spam?.reasons[0]).toMatch(
      /^sends spam reports \(with the reported mail\) to reports@mail-blast\.example\.net, not on/,
    );
    const alertFinding = d.findings.find((f) => f.resource === theirs);
    expect(alertFinding?.reasons).toEqual([
      expect.stringContaining('not on your domains'),
      expect.stringMatching(/^created .* after the incident began$/),
    ]);
    expect(d.findings.filter((f) => !f.suspicious).map((f) => f.summary)).toEqual([
      expect.stringMatching(/^Alert \d+ \(usage_limit, at 90%\) → owner@acme-mail\.example\.com$/),
    ]);
    expect(d.summary).toBe(
      "Turn off 2 forwarding settings and delete 1 alert that send your account's mail or numbers to addresses that are not yours.",
    );
  });

  it('when the plan is executed, then forwarding is off with the address kept, the alert gone, and a recheck writes nothing', async () => {
    const { sim, ctx } = harness();
    const { actions } = await mail().discover(ctx);
    const spamBefore = sim.state.forwardSpam.email;
    const outcomes = await executeAll(mail(), ctx, actions);
    expect(outcomes.map((o) => o.result)).toEqual([
      { enabled: false },
      { enabled: false },
      { deleted: true },
    ]);
    expect(sim.state.forwardSpam).toEqual({ enabled: false, email: spamBefore });
    expect(sim.state.forwardBounce.enabled).toBe(false);
    expect(sim.state.alerts).toHaveLength(1);
    const writes = sim.stats.totalWrites();
    await executeAll(mail(), ctx, actions, true);
    expect(sim.stats.totalWrites()).toBe(writes);
    expect((await mail().discover(ctx)).actions).toEqual([]);
  });

  it('when the PATCH times out after it was applied, then the recheck finds forwarding off and does not write again', async () => {
    const { sim, ctx } = harness();
    const [spam] = (await mail().discover(ctx)).actions;
    if (!spam) throw new Error('no action');
    sim.faults.failNext(1, 502, { afterApply: true });
    await expect(mail().execute(ctx, spam, { recheck: false })).rejects.toMatchObject({
      outcomeUnknown: true,
    });
    expect(await mail().execute(ctx, spam, { recheck: true })).toEqual({ result: { enabled: false } });
    expect(sim.stats.writesTo('forward_spam')).toBe(1);
  });

  it('when Reclaim knows none of the domains, then an alert made in the window is still deleted and forwarding is flagged for a person', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] } });
    sim.faults.failWhen((r) => r.route === 'GET /v3/user/email', 403);
    const d = await mail().discover(ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['delete_alert']);
    const spam = d.findings.find((f) => f.resource === 'mail-setting:forward_spam');
    expect(spam?.reasons[0]).toMatch(/^Reclaim knows none of your domains .* Settings › Mail Settings$/);
    const owners = d.findings.find((f) => f.summary.includes('usage_limit'));
    expect(owners?.reasons[0]).toMatch(/Settings › Alerts$/);
  });
});
