import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/types.js';
import type { ProgressStepView } from '../../../src/incidents/views/view-types.js';
import { buildProgressCard } from '../../../src/slack/blocks/build-progress-card.js';
import { approval, EVIL, makeIncident, makeStep, mrkdwnOf, NOW, textOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

const row = (title: string, step: Partial<Step>, over: Partial<ProgressStepView> = {}): ProgressStepView => ({
  step: makeStep(step),
  title,
  approvals: [],
  needed: 2,
  ...over,
});

const steps: ProgressStepView[] = [
  row(
    'Rotate API keys',
    { position: 0, state: 'done' },
    { approvals: [approval('UALICE'), approval('UBOB')] },
  ),
  row('Review logins', { position: 1, kind: 'manual', state: 'done', decidedBy: 'UCAROL' }),
  row('Remove webhooks', { position: 2, state: 'skipped', decidedBy: 'UDAVE', reason: 'none of ours exist' }),
  row('Disable forwarding', { position: 3, state: 'awaiting_approval' }, { approvals: [approval('UALICE')] }),
  row('Check outbound profiles', { position: 4, state: 'awaiting_approval' }),
  row('Rotate SIP credentials', {
    position: 5,
    state: 'failed',
    error: { code: 'x', message: 'Telnyx said 503' },
  }),
  row('Review IP allow-list', { position: 6, state: 'discovering' }),
  row('Call support', { position: 7, kind: 'manual', state: 'pending' }),
  row('Block prefixes', { position: 8, state: 'executing' }, { approvals: [approval('UERIN')] }),
  row('Wrong plan', { position: 9, state: 'rejected', decidedBy: 'UFRANK', reason: 'wrong numbers' }),
];

describe('buildProgressCard', () => {
  it('when steps are in every state, then each line says who approved, who is awaited, who skipped or what failed', () => {
    const card = buildProgressCard({ incident: makeIncident(), steps, now: NOW });
    const text = textOf(card);
    expect(text).toContain('"Compromise response: telnyx sip-fraud"');
    expect(text).toContain('*3 of 10 steps settled* — 2 done, 1 skipped');
    expect(text).toContain('open 1h 12m');
    expect(text).toContain('Opened by <@UREQ>');
    expect(text).toContain('✅ 1. Rotate API keys — done, approved by <@UALICE>, <@UBOB>');
    expect(text).toContain('✅ 2. Review logins — marked done by <@UCAROL>');
    expect(text).toContain('⏭️ 3. Remove webhooks — skipped by <@UDAVE>: none of ours exist');
    expect(text).toContain('✋ 4. Disable forwarding — approved by <@UALICE>; waiting on 1 more approver');
    expect(text).toContain('✋ 5. Check outbound profiles — waiting on 2 more approvers');
    expect(text).toContain('❌ 6. Rotate SIP credentials — failed: Telnyx said 503');
    expect(text).toContain('🔍 7. Review IP allow-list — discovering…');
    expect(text).toContain('📝 8. Call support — to do (manual)');
    expect(text).toContain('⚙️ 9. Block prefixes — approved by <@UERIN>; executing');
    expect(text).toContain('🚫 10. Wrong plan — rejected by <@UFRANK>: wrong numbers');
    expect(card.text).toBe(
      'Compromise response: telnyx sip-fraud: 3 of 10 steps settled (2 done, 1 skipped)',
    );
    assertWithinSlackLimits(card);
  });

  it('when the incident is closed, then the card says by whom and when instead of how long it is open', () => {
    const incident = makeIncident({
      status: 'closed',
      closedBy: 'UBOB',
      closedAt: new Date('2026-03-15T15:04:00Z'),
      closeReason: 'support finished the rest',
    });
    const text = textOf(buildProgressCard({ incident, steps, now: NOW }));
    expect(text).toMatch(
      /🔒 \*Closed\* by <@UBOB> <!date\^1773587040\^\{date_short_pretty\} at \{time\}\|2026-03-15T15:04:00.000Z>, after 3h 4m/,
    );
    expect(text).toContain('*Closed with steps open:* support finished the rest');
    expect(text).not.toContain('open 1h');
  });

  it('when Slack delays updates or it is a rehearsal, then the card says so', () => {
    const text = textOf(
      buildProgressCard({
        incident: makeIncident({ rehearsal: true }),
        steps,
        now: NOW,
        delayedBySlack: true,
      }),
    );
    expect(text).toContain('🧪 *Rehearsal*');
    expect(text).toContain('Slack is slowing our updates down');
  });

  it('when there are 40 steps with long titles and errors and a 5000-character label, then it stays within limits', () => {
    const long = 'T'.repeat(5000);
    const many = Array.from({ length: 40 }, (_, i) =>
      row(long, {
        position: i,
        state: i % 2 ? 'failed' : 'skipped',
        error: { code: 'x', message: long },
        decidedBy: 'UX1',
        reason: long,
      }),
    );
    const card = buildProgressCard({ incident: makeIncident({ label: long }), steps: many, now: NOW });
    assertWithinSlackLimits(card);
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    const text = textOf(card);
    for (let n = 1; n <= 40; n++) expect(text).toContain(` ${n}. TTT`);
  });

  it('when text is malicious, then it is escaped', () => {
    const card = buildProgressCard({
      incident: makeIncident({
        label: EVIL,
        closeReason: EVIL,
        status: 'closed',
        closedBy: 'UBOB',
        closedAt: NOW,
      }),
      steps: [
        row(EVIL, { state: 'skipped', reason: EVIL, decidedBy: '<!everyone>' }),
        row(EVIL, { state: 'failed', error: { code: EVIL, message: EVIL } }),
      ],
      now: NOW,
    });
    assertWithinSlackLimits(card);
    const text = mrkdwnOf(card);
    expect(text).not.toMatch(/<!channel>|<!everyone>|<https:\/\/evil/);
  });

  it('when there are no steps yet, then it says 0 of 0', () => {
    const card = buildProgressCard({ incident: makeIncident(), steps: [], now: NOW });
    expect(textOf(card)).toContain('*0 of 0 steps settled*');
    assertWithinSlackLimits(card);
  });
});
