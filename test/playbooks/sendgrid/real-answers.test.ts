// SendGrid steps when the account answers as a real one may: either key shape, prefix matches, a changed or free-mail owner address, unreadable records.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_EMAIL,
  FREE_MAIL_DOMAINS,
  ownerAnchor,
} from '../../../src/playbooks/sendgrid/owner-anchor.js';
import type { PlaybookContext } from '../../../src/playbooks/types.js';
import type { SendgridClient, Subuser } from '../../../src/providers/sendgrid/index.js';
import { ATTACKER_DOMAIN, sendgridPlantedIdsByKind } from '../../../src/sandbox/sendgrid/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { harness, STEPS, seeded, step } from './sendgrid-kit.js';

describe('key lookups in either shape', () => {
  it('when SendGrid answers key lookups flat or wrapped in result, then the same keys are planned', async () => {
    const flat = harness(seeded());
    const wrapped = seeded();
    wrapped.answers.apiKeyShape = 'result';
    const a = await step('sendgrid.replace-api-keys').discover(flat.ctx);
    const b = await step('sendgrid.replace-api-keys').discover(harness(wrapped).ctx);
    expect(a.actions.length).toBeGreaterThan(0);
    expect(b.actions).toEqual(
      a.actions.map((x) => expect.objectContaining({ kind: x.kind, target: x.target })),
    );
  });
});

describe('the subuser recheck', () => {
  function ctxWith(subusers: Subuser[], disabled: string[]): PlaybookContext<SendgridClient> {
    const client = {
      subusers: {
        // `?username=` answered as a prefix match: the first hit is another subuser.
        list: async () => ({ items: subusers, unreadable: [] }),
        find: async (username: string) => subusers.find((s) => s.username === username) ?? null,
        setDisabled: async (username: string) => {
          disabled.push(username);
        },
      },
    } as unknown as SendgridClient;
    return { client, since: null, trusted: { hosts: [], ips: [], numbers: [] }, logger: silentLogger() };
  }

  it('when ?username= also returns another subuser first, then the recheck judges the one named exactly', async () => {
    const disabled: string[] = [];
    const subusers: Subuser[] = [
      { id: 1, username: 'promo-2', email: null, disabled: true, region: null },
      { id: 2, username: 'promo', email: null, disabled: false, region: null },
    ];
    const s = step('sendgrid.disable-unknown-subusers');
    const action = { kind: 'disable_subuser', target: 'promo', params: { email: '' }, description: 'x' };
    const outcome = await s.execute(ctxWith(subusers, disabled), action, { recheck: true });
    expect(disabled).toEqual(['promo']);
    expect(outcome.result).toEqual({ disabled: true });
  });
});

describe('the account email as a trust anchor', () => {
  it.each([
    [
      'on a trusted host’s domain',
      'owner@acme.example.com',
      ['hooks.acme.example.com'],
      'owner@acme.example.com',
      null,
    ],
    [
      'off the trusted hosts’ domains',
      'owner@elsewhere.example.net',
      ['hooks.acme.example.com'],
      null,
      'is not among the domains of RECLAIM_TRUSTED_HOSTS',
    ],
    [
      'the only anchor',
      'owner@acme.example.com',
      [],
      'owner@acme.example.com',
      'is the only thing telling your people from others',
    ],
    ['free mail', 'boss@gmail.com', [], null, 'gmail.com is a free-mail domain'],
    [
      'free mail beside trusted hosts',
      'boss@outlook.com',
      ['hooks.acme.example.com'],
      null,
      'free-mail domain',
    ],
  ])(
    'when the account email is %s (%s, trusted hosts %j), then it counts as %s and the card says “%s”',
    (_what, email, hosts, counted, says) => {
      const anchor = ownerAnchor(email, hosts);
      expect(anchor.counted).toBe(counted);
      if (says === null) expect(anchor.finding).toBeUndefined();
      else
        expect(anchor.finding).toMatchObject({
          resource: ACCOUNT_EMAIL,
          suspicious: true,
          reasons: [expect.stringContaining(says)],
        });
      expect(FREE_MAIL_DOMAINS).toContain('gmail.com');
    },
  );

  it('when the attacker moved the account email to their own domain, then their teammates are still removed and the card flags the address', async () => {
    const sim = seeded();
    sim.state.email = `boss@${ATTACKER_DOMAIN}`;
    const { ctx } = harness(sim);
    const d = await step('sendgrid.remove-unknown-teammates').discover(ctx);
    const planted = sendgridPlantedIdsByKind(sim).teammate;
    expect(d.actions.map((a) => a.target)).toEqual(expect.arrayContaining(planted));
    expect(d.findings[0]).toMatchObject({ resource: ACCOUNT_EMAIL, suspicious: true });
  });

  it('when no trusted hosts are set, then the owner domain still anchors the teammates, and the card warns that it is the only anchor', async () => {
    const { ctx } = harness(seeded(), { trusted: { hosts: [] } });
    const d = await step('sendgrid.remove-unknown-teammates').discover(ctx);
    expect(d.actions.length).toBeGreaterThan(0);
    expect(d.findings[0]?.reasons[0]).toContain('set RECLAIM_TRUSTED_HOSTS to anchor on your own domains');
  });
});

describe('records SendGrid returns that do not parse', () => {
  it('when a teammate comes without a username, then it is a finding to review in the console and the others are judged', async () => {
    const sim = seeded();
    const broken = sim.state.teammates.find((t) => t.user_type !== 'owner')!;
    (broken as unknown as Record<string, unknown>).username = null;
    const { ctx } = harness(sim);
    const d = await step('sendgrid.remove-unknown-teammates').discover(ctx);
    expect(d.findings.find((f) => f.resource === broken.email)).toMatchObject({
      suspicious: true,
      summary: expect.stringContaining('could not be read: review it in the SendGrid console'),
      reasons: ['username: expected string, received null'],
    });
  });
});

describe('the account-settings card', () => {
  it('when the card is shown, then it no longer asks for a BCC mail setting the API does not have', () => {
    const card = STEPS.find((s) => s.id === 'sendgrid.review-account-settings');
    expect(card?.kind === 'manual' && card.instructions).not.toContain('BCC');
  });
});
