import { describe, expect, it } from 'vitest';
import { isContainmentKey } from '../../../src/domain/containment.js';
import {
  ATTACKER_HOST,
  ATTACKER_INVITE_EMAIL,
  ATTACKER_IP,
  sendgridPlantedChanges,
  sendgridPlantedIdsByKind,
} from '../../../src/sandbox/sendgrid/index.js';
import { AUTOMATED, harness, PLANTED_KINDS_OF_STEP, step, suspiciousResources } from './sendgrid-kit.js';

describe('SendGrid playbook discovery against the simulator', () => {
  it('when every automated step discovers the seeded account, then each flags exactly the planted changes of its kinds', async () => {
    const { sim, ctx } = harness();
    const planted = sendgridPlantedIdsByKind(sim);
    const flagged: Record<string, string[]> = {};
    for (const s of AUTOMATED) flagged[s.id] = suspiciousResources(await s.discover(ctx));
    const expected = Object.fromEntries(
      AUTOMATED.map((s) => {
        const kinds = PLANTED_KINDS_OF_STEP[s.id];
        if (!kinds) throw new Error(`no planted kinds mapped for ${s.id}`);
        return [s.id, kinds.flatMap((k) => planted[k]).sort()];
      }),
    );
    expect(flagged).toEqual(expected);
    const everyPlanted = sendgridPlantedChanges(sim)
      .map((c) => c.id)
      .sort();
    // Each planted change is the checklist's once; Contain now flags the attacker's key ahead of it.
    const checklist = Object.entries(flagged).filter(([id]) => !isContainmentKey(id));
    expect(checklist.flatMap(([, ids]) => ids).sort()).toEqual(everyPlanted);
  });

  it('when discovery runs, then it only reads: the simulator records no write', async () => {
    const { sim, ctx } = harness();
    for (const s of AUTOMATED) await s.discover(ctx);
    expect(sim.stats.totalWrites()).toBe(0);
    expect(Object.keys(sim.stats.byRoute).every((route) => route.startsWith('GET '))).toBe(true);
  });

  it('when the seeded account is discovered, then each step plans one containment per planted change', async () => {
    const { sim, ctx } = harness();
    const planted = sendgridPlantedIdsByKind(sim);
    const targets = async (id: string, kind: string) =>
      (await step(id).discover(ctx)).actions
        .filter((a) => a.kind === kind)
        .map((a) => a.target)
        .sort();
    expect(await targets('sendgrid.review-ip-access', 'remove_allowed_ip')).toEqual(planted.allowed_ip);
    expect(await targets('sendgrid.remove-unknown-teammates', 'delete_teammate')).toEqual(planted.teammate);
    expect(await targets('sendgrid.remove-unknown-teammates', 'cancel_invite')).toEqual(
      planted.pending_invite,
    );
    expect(await targets('sendgrid.disable-unknown-subusers', 'disable_subuser')).toEqual(planted.subuser);
    expect(await targets('sendgrid.review-webhooks', 'disable_event_webhook')).toEqual(planted.event_webhook);
    expect((await step('sendgrid.review-sent-email').discover(ctx)).actions).toEqual([]);
  });

  it('when keys are discovered, then the attacker’s is deleted first, every other is replaced, and Reclaim’s own last', async () => {
    const { sim, ctx } = harness();
    const { actions, findings, summary } = await step('sendgrid.replace-api-keys').discover(ctx);
    const attacker = sendgridPlantedIdsByKind(sim).api_key[0];
    const own = ctx.client.ownApiKeyId;
    expect(actions[0]).toMatchObject({ kind: 'delete_api_key', target: attacker });
    const others = sim.state.apiKeys.map((k) => k.api_key_id).filter((id) => id !== attacker && id !== own);
    expect(actions.slice(1).map((a) => `${a.kind} ${a.target}`)).toEqual(
      [...others, own].flatMap((id) => [`create_api_key ${id}`, `delete_api_key ${id}`]),
    );
    expect(actions.filter((a) => a.target === own).map((a) => a.params.own)).toEqual([true, true]);
    expect(findings.find((f) => f.resource === own)?.summary).toMatch(/the key Reclaim uses, replaced last$/);
    expect(summary).toMatch(/replace Reclaim's own key last: the new one is kept in its connection/);
    const create = actions.find((a) => a.kind === 'create_api_key');
    expect(create?.params).toEqual({
      name: 'Production mail (replaced by Reclaim)',
      scopes: ['mail.send'],
      replaces: create?.target,
    });
  });

  it('when the allow list is discovered, then the trusted addresses are added before the unknown one is removed', async () => {
    const { ctx } = harness();
    const { actions, summary } = await step('sendgrid.review-ip-access').discover(ctx);
    expect(actions.map((a) => a.kind)).toEqual(['add_allowed_ips', 'remove_allowed_ip']);
    expect(actions[0]?.params.ips).toEqual(['198.51.100.0/24', '203.0.113.50']);
    expect(actions[1]?.description).toBe(`Remove ${ATTACKER_IP} from the allow list`);
    expect(summary).toBe(
      'Add 2 trusted addresses to the allow list, then remove 1 of 4 entries not in RECLAIM_TRUSTED_IPS. 1 unknown address got into the account recently.',
    );
  });

  it('when one trusted range holds another trusted address, then the plan adds the range only', async () => {
    const ips = ['203.0.113.0/25', '198.51.100.0/24', '203.0.113.50', '198.51.100.0/24'];
    const { ctx } = harness(undefined, { trusted: { ips } });
    const { actions } = await step('sendgrid.review-ip-access').discover(ctx);
    expect(actions[0]?.params.ips).toEqual(['203.0.113.0/25', '198.51.100.0/24']);
  });

  it('when RECLAIM_TRUSTED_IPS is empty, then the allow list plan removes nothing and says why', async () => {
    const { ctx } = harness(undefined, { trusted: { ips: [] } });
    const d = await step('sendgrid.review-ip-access').discover(ctx);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/^RECLAIM_TRUSTED_IPS is not set, so nothing is planned: .*lock everyone out/);
    expect(d.findings.length).toBeGreaterThan(4);
  });

  it.each([
    ['sendgrid.remove-unknown-teammates', /^Remove admin mailops <ops@mail-blast\.example\.net>$/],
    [
      'sendgrid.disable-unknown-subusers',
      /^Disable subuser promo-sender <promo@mail-blast\.example\.net> \(it can be enabled again\)$/,
    ],
    [
      'sendgrid.review-webhooks',
      new RegExp(
        `^Disable event webhook “unnamed” \\(.+\\) → https://${ATTACKER_HOST}/collect \\(kept, so it can be enabled again\\)$`,
      ),
    ],
    [
      'sendgrid.replace-api-keys',
      /^Delete API key “Default” \(\w{22}\): it can manage keys, allowed IPs or teammates$/,
    ],
  ])('when %s plans, then its first action reads like the card expects', async (id, pattern) => {
    const { ctx } = harness();
    expect((await step(id).discover(ctx)).actions[0]?.description).toMatch(pattern);
  });

  it('when invitations are planned, then the card names the address and the plan holds a digest, never the token', async () => {
    const { sim, ctx, logs } = harness();
    const d = await step('sendgrid.remove-unknown-teammates').discover(ctx);
    expect(d.actions.find((a) => a.kind === 'cancel_invite')?.description).toBe(
      `Cancel the admin invitation to ${ATTACKER_INVITE_EMAIL}`,
    );
    const shown = JSON.stringify(d) + logs.text;
    for (const invite of sim.state.invites) expect(shown).not.toContain(invite.token);
  });

  it('when the account email cannot be read and no hosts are trusted, then no teammate or subuser is planned and the card says why', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] } });
    sim.faults.failWhen((r) => r.route === 'GET /v3/user/email', 403);
    for (const id of ['sendgrid.remove-unknown-teammates', 'sendgrid.disable-unknown-subusers']) {
      const d = await step(id).discover(ctx);
      expect(d.actions, id).toEqual([]);
      expect(d.summary, id).toMatch(/^Reclaim knows none of your domains/);
    }
  });

  it('when the owner’s address is on an unknown domain, then the owner is still never planned for removal', async () => {
    const sim = harness().sim;
    sim.state.email = 'owner@elsewhere.example.org';
    const owner = sim.state.teammates.find((t) => t.user_type === 'owner');
    if (owner) owner.email = 'owner@elsewhere.example.org';
    const { ctx } = harness(sim, { trusted: { hosts: ['hooks.acme-mail.example.com'] } });
    const d = await step('sendgrid.remove-unknown-teammates').discover(ctx);
    expect(d.actions.map((a) => a.target)).not.toContain('acme-owner');
  });

  it('when trusted hosts are not set, then only the webhook created in the window is disabled and the others are flagged for a person', async () => {
    const { sim, ctx } = harness(undefined, { trusted: { hosts: [] } });
    const d = await step('sendgrid.review-webhooks').discover(ctx);
    expect(d.actions.map((a) => a.target)).toEqual(sendgridPlantedIdsByKind(sim).event_webhook);
    expect(suspiciousResources(d)).toEqual(
      [...sim.state.eventWebhooks.map((w) => w.id), ...sim.state.parseSettings.map((p) => p.hostname)].sort(),
    );
    expect(d.summary).toMatch(/RECLAIM_TRUSTED_HOSTS is not set/);
  });

  it('when Reclaim’s own key cannot be told apart, then no key is planned for deletion and the card says why', async () => {
    const { ctx } = harness();
    const blind = { ...ctx, client: { ...ctx.client, ownApiKeyId: null } };
    const d = await step('sendgrid.replace-api-keys').discover(blind);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/cannot tell which of 5 keys is its own/);
  });

  it('when a key disappears between the listing and its lookup, then discovery goes on without it', async () => {
    const { sim, ctx } = harness();
    const gone = sim.state.apiKeys[1]?.api_key_id;
    sim.faults.failWhen((r) => r.route === 'GET /v3/api_keys/{api_key_id}' && r.id === gone, 404);
    const d = await step('sendgrid.replace-api-keys').discover(ctx);
    expect(d.findings.map((f) => f.resource)).not.toContain(gone);
    expect(d.findings).toHaveLength(sim.state.apiKeys.length - 1);
  });

  it('when a suspicious finding is reported, then it says why', async () => {
    const { ctx } = harness();
    for (const s of AUTOMATED) {
      for (const f of (await s.discover(ctx)).findings) {
        if (f.suspicious) expect(f.reasons.length, `${s.id} ${f.resource}`).toBeGreaterThan(0);
      }
    }
  });
});
