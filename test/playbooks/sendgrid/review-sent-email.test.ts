import { describe, expect, it } from 'vitest';
import { EMAIL_ACTIVITY_PAGE, groupBySubject, spamSignals } from '../../../src/playbooks/sendgrid/index.js';
import type { Message } from '../../../src/providers/sendgrid/index.js';
import { sendgridPlantedIdsByKind } from '../../../src/sandbox/sendgrid/index.js';
import { harness, NOW, seeded, step, suspiciousResources } from './sendgrid-kit.js';

const REVIEW = 'sendgrid.review-sent-email';

const message = (subject: string, from: string, at: string, status = 'delivered'): Message => ({
  msg_id: `${subject}-${at}-${from}`,
  from_email: from,
  subject,
  status,
  last_event_time: at,
});

describe('grouping sent mail by subject', () => {
  it('when subjects differ only in numbers, then they are one group with its count, senders and time span', () => {
    const groups = groupBySubject([
      message('Your receipt #1042', 'noreply@acme.example.com', '2026-02-10T00:00:00Z'),
      message('Your receipt #1043', 'NoReply@acme.example.com', '2026-02-12T00:00:00Z', 'not_delivered'),
      message('Your  receipt #7', 'billing@acme.example.com', '2026-02-11T00:00:00Z'),
      message('Welcome', 'hello@acme.example.com', '2026-02-13T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.subject, g.count])).toEqual([
      ['Your receipt ##', 3],
      ['Welcome', 1],
    ]);
    expect(groups[0]).toMatchObject({
      ref: 'subject:Your receipt ##',
      senders: ['noreply@acme.example.com', 'billing@acme.example.com'],
      domains: ['acme.example.com'],
      notDelivered: 1,
      first: '2026-02-10T00:00:00Z',
      last: '2026-02-12T00:00:00Z',
    });
  });
});

describe('spam-like subjects', () => {
  it.each([
    ['URGENT: Verify your account now', ['asks to verify an account', 'presses for urgency']],
    [
      'You have won a $500 gift card!!!',
      ['promises a prize', 'offers a gift card', 'spam typography (!!! or $$)'],
    ],
    ['Your account has been suspended', ['threatens the account']],
    ['Double your Bitcoin: guaranteed returns', ['mentions crypto or trading', 'pitches an investment']],
    ['Payment failed: update your bank details', ['asks about money']],
    ['Reset your Acme password', []],
    ['Your weekly Acme report', []],
    ['Order 1234 has shipped', []],
  ])('when the subject is “%s”, then the signals are %j', (subject, signals) => {
    expect(spamSignals(subject)).toEqual(signals);
  });
});

describe('the 30-day sent-mail review', () => {
  it('when the seeded account is reviewed, then exactly the spam subjects are flagged, nothing is planned, and older mail is left out', async () => {
    const { sim, ctx } = harness();
    const d = await step(REVIEW).discover(ctx);
    expect(suspiciousResources(d)).toEqual(sendgridPlantedIdsByKind(sim).sent_subject);
    expect(d.actions).toEqual([]);
    const inWindow = sim.state.messages.filter(
      (m) => Date.parse(m.last_event_time) >= NOW.getTime() - 30 * 86_400_000,
    );
    expect(inWindow.length).toBeLessThan(sim.state.messages.length);
    expect(d.summary).toContain(`(60 messages of ${inWindow.length} in the last 30 days)`);
    expect(d.summary).toMatch(/Review the list, then Mark done\.$/);
  });

  it('when a flagged subject is shown, then its finding gives the count, the sender and why', async () => {
    const { ctx } = harness();
    const d = await step(REVIEW).discover(ctx);
    const spam = d.findings.find((f) => f.resource === 'subject:URGENT: Verify your account now');
    expect(spam?.summary).toMatch(
      /^“URGENT: Verify your account now”: 20 messages(, \d+ not delivered)?, from deals@mail-blast\.example\.net, last /,
    );
    expect(spam?.reasons).toEqual([
      'sent only from addresses outside your domains: deals@mail-blast.example.net',
      'reads like spam: asks to verify an account, presses for urgency',
    ]);
  });

  it.each([403, 404])(
    'when the Email Activity API answers %i, then the step becomes a manual review linking the activity page',
    async (status) => {
      const { sim, ctx } = harness();
      sim.faults.failWhen((r) => r.route === 'GET /v3/messages', status);
      const d = await step(REVIEW).discover(ctx);
      expect(d).toMatchObject({ findings: [], actions: [] });
      expect(d.summary).toContain(`SendGrid answered ${status} to the Email Activity API`);
      expect(d.summary).toContain(EMAIL_ACTIVITY_PAGE);
      expect(d.summary).toMatch(/then Mark done\.$/);
    },
  );

  it('when the account has no Email Activity add-on, then the simulator’s 403 gives the manual review too', async () => {
    const { ctx } = harness(seeded({ emailActivity: false }));
    expect((await step(REVIEW).discover(ctx)).summary).toMatch(/^SendGrid answered 403 /);
  });

  it('when the Email Activity API fails otherwise, then discovery fails rather than hide it', async () => {
    const { sim, ctx } = harness();
    sim.faults.failWhen((r) => r.route === 'GET /v3/messages', 400);
    await expect(step(REVIEW).discover(ctx)).rejects.toMatchObject({ code: 'provider_rejected' });
  });

  it('when nothing was sent in 30 days, then it says "Nothing found"', async () => {
    const { ctx } = harness(seeded({ messages: 0, spam: 0 }));
    expect((await step(REVIEW).discover(ctx)).summary).toBe(
      'Nothing found: no mail was sent in the last 30 days.',
    );
  });

  it('when there are many ordinary subjects, then the card lists 40 of them and every unrecognised one', async () => {
    const sim = seeded();
    sim.state.messages.push(
      ...Array.from({ length: 60 }, (_, i) => ({
        ...sim.state.messages[0]!,
        msg_id: `extra-${i}`,
        subject: `Newsletter ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
        last_event_time: '2026-02-20T00:00:00Z',
      })),
    );
    const d = await step(REVIEW).discover(harness(sim).ctx);
    expect(d.findings.filter((f) => !f.suspicious)).toHaveLength(40);
    expect(d.findings.filter((f) => f.suspicious)).toHaveLength(3);
    expect(d.summary).toMatch(/\(\d+ more ordinary subjects not listed\)/);
  });
});
