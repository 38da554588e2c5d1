import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../src/incidents/report/load-report.js';
import { renderReportMarkdown } from '../../../src/incidents/report/render-report.js';
import { buildCloseSummary } from '../../../src/slack/blocks/build-close-summary.js';
import { buildIncidentList } from '../../../src/slack/blocks/build-incident-list.js';
import { buildRefusal, buildUsageMessage } from '../../../src/slack/blocks/build-usage-message.js';
import { USAGE } from '../../../src/slack/commands/parse-command.js';
import { approval, EVIL, makeActions, makeIncident, makeStep, mrkdwnOf, NOW, textOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

describe('buildUsageMessage and buildRefusal', () => {
  it.each([
    ['no problem', undefined, 'How to use /compromise', null],
    ['a problem', 'Unknown provider `vonage`.', 'Unknown provider `vonage`.', '⚠️ Unknown provider `vonage`.'],
    [
      'a malicious problem',
      `Unknown provider ${EVIL}`,
      'Unknown provider &lt;!channel&gt;',
      '⚠️ Unknown provider &lt;!channel&gt;',
    ],
    ['a 5000-character problem', 'p'.repeat(5000), 'ppp', 'ppp'],
  ])('when the usage message has %s, then it shows it and the usage', (_name, problem, text, shown) => {
    const message = buildUsageMessage(problem);
    assertWithinSlackLimits(message);
    expect(message.text).toContain(text);
    expect(mrkdwnOf(message)).toContain(USAGE);
    if (shown) expect(mrkdwnOf(message)).toContain(shown);
    else expect(message.blocks).toHaveLength(1);
  });

  it.each([
    ['a plain refusal', 'Only approvers can approve.', '🚫 Only approvers can approve.'],
    ['a malicious refusal', EVIL, '🚫 &lt;!channel&gt;'],
    ['a long refusal', 'r'.repeat(9000), '🚫 rrr'],
  ])('when the refusal is %s, then it is shown escaped', (_name, message, shown) => {
    const refusal = buildRefusal(message);
    assertWithinSlackLimits(refusal);
    expect(mrkdwnOf(refusal)).toContain(shown);
  });
});

describe('buildIncidentList', () => {
  it('when there are none, then it says so', () => {
    const list = buildIncidentList([], NOW);
    assertWithinSlackLimits(list);
    expect(list.text).toBe('No open incidents.');
  });

  it('when there are incidents, then each line links its channel, names who opened it and for how long', () => {
    const list = buildIncidentList(
      [
        makeIncident(),
        makeIncident({
          id: 'b',
          provider: 'twilio+sendgrid',
          label: 'mail',
          rehearsal: true,
          channelId: null,
          requestedBy: 'UBOB',
        }),
      ],
      NOW,
    );
    assertWithinSlackLimits(list);
    const text = mrkdwnOf(list);
    expect(text).toContain('*Incidents (2 open):*');
    expect(text).toContain('• <#C0INCIDENT> · telnyx sip-fraud · opened by <@UREQ> · open 1h 12m');
    expect(text).toContain(
      '• (no channel yet) · twilio+sendgrid mail · 🧪 rehearsal · opened by <@UBOB> · open 1h 12m',
    );
  });

  it('when 100 incidents with 5000-character malicious labels are listed, then 40 show, the rest are counted, all escaped', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      makeIncident({
        id: String(i),
        label: `${EVIL}${'x'.repeat(5000)}`,
        channelId: i === 0 ? '<!channel>' : 'C1',
      }),
    );
    const list = buildIncidentList(many, NOW);
    assertWithinSlackLimits(list);
    const text = mrkdwnOf(list);
    expect(text).toContain('…and 60 more');
    expect(text).not.toMatch(/<!channel>|<https:\/\/evil/);
  });

  it('when a closed incident is passed, then it is marked closed', () => {
    const text = textOf(buildIncidentList([makeIncident({ status: 'closed', closedBy: 'UBOB' })], NOW));
    expect(text).toContain('🔒 closed by <@UBOB>');
    expect(text).toContain('*Incidents (0 open, 1 closed):*');
  });
});

describe('buildCloseSummary', () => {
  const incident = makeIncident({ status: 'closed', closedBy: 'UBOB', closedAt: NOW });
  const report = (over: Partial<ReportData> = {}): string =>
    renderReportMarkdown(
      {
        incident,
        steps: [
          {
            step: makeStep({ position: 0, state: 'done' }),
            title: 'Disable forwarding',
            summary: null,
            approvals: [approval('UA')],
            actions: makeActions(3, { state: 'done' }),
          },
          {
            step: makeStep({ position: 1, state: 'skipped', decidedBy: 'UB', reason: 'n/a' }),
            title: 'Rotate — keys',
            summary: null,
            approvals: [],
            actions: [],
          },
          {
            step: makeStep({ position: 2, state: 'failed', error: { code: 'x', message: 'boom' } }),
            title: 'Review',
            summary: null,
            approvals: [],
            actions: [],
          },
        ],
        timeline: [],
        chain: { ok: true, count: 42 },
        generatedAt: NOW,
        ...over,
      },
      { user: (id) => `<@${id}>` },
    );

  it('when the report is rendered, then the summary gives its counts and points to the file', () => {
    const message = buildCloseSummary({ incident, markdown: report(), fileName: 'report-sip-fraud.md' });
    assertWithinSlackLimits(message);
    const text = mrkdwnOf(message);
    expect(text).toContain('🔒 *Incident closed: telnyx sip-fraud* by <@UBOB>');
    expect(text).toContain('*1 of 3 steps done* (1 skipped, 1 failed) · *3 provider changes made*');
    expect(text).toContain('Audit chain verified ✅ (42 entries)');
    expect(text).toContain('📄 Full report attached (`report-sip-fraud.md`)');
    expect(message.text).toBe('Incident closed: telnyx sip-fraud, 1 of 3 steps done. Full report attached.');
  });

  it('when the audit chain is broken, then the summary warns', () => {
    const markdown = report({ chain: { ok: false, count: 42, brokenAt: 7, reason: 'hash mismatch' } });
    expect(mrkdwnOf(buildCloseSummary({ incident, markdown }))).toContain('⚠️ *Audit chain BROKEN*');
  });

  it('when the incident was force-closed with a malicious reason and label, then both are escaped', () => {
    const forced = makeIncident({
      status: 'closed',
      closedBy: 'UBOB',
      closedAt: NOW,
      closeReason: EVIL,
      label: EVIL,
    });
    const message = buildCloseSummary({ incident: forced, markdown: report({ incident: forced }) });
    assertWithinSlackLimits(message);
    const text = mrkdwnOf(message);
    expect(text).toContain('*Closed with steps open:* &lt;!channel&gt;');
    expect(text).not.toMatch(/<!channel>|<https:\/\/evil/);
  });

  it('when the markdown is not a report, then it still says the report is attached', () => {
    const message = buildCloseSummary({ incident, markdown: 'something else' });
    assertWithinSlackLimits(message);
    expect(message.text).toBe('Incident closed: telnyx sip-fraud. Full report attached.');
  });
});
