import { describe, expect, it } from 'vitest';
import type { Watch } from '../../../src/domain/watch.js';
import { buildProgressCard } from '../../../src/slack/blocks/build-progress-card.js';
import { buildWatchAlertMessage } from '../../../src/slack/blocks/build-watch-alert-message.js';
import { watchLine } from '../../../src/slack/blocks/watch-line.js';
import { EVIL, makeActions, makeIncident, makeView, mrkdwnOf, NOW } from './fixtures.js';

const watch = (over: Partial<Watch> = {}): Watch => ({
  incidentId: '11111111-1111-4111-8111-111111111111',
  state: 'watching',
  hours: 72,
  intervalMinutes: 15,
  startedAt: NOW,
  untilAt: new Date(NOW.getTime() + 72 * 3_600_000),
  lastRunAt: NOW,
  runs: 4,
  alerts: 1,
  failures: 0,
  lastError: null,
  endedBy: null,
  endedAt: null,
  ...over,
});

describe('the watch on the progress card', () => {
  it('when the account is watched, then the card says until when, how often, the last run and the alerts', () => {
    const line = watchLine(watch());
    expect(line).toContain('Watching the account');
    expect(line).toContain('every 15 minutes');
    expect(line).toContain('4 runs, 🚨 1 alert so far');
    const card = buildProgressCard({ incident: makeIncident(), steps: [], now: NOW, watch: watch() });
    expect(mrkdwnOf(card)).toContain('Watching the account');
  });

  it('when three runs in a row could not read the account, then the card says the watch is blind, not quiet', () => {
    expect(watchLine(watch({ failures: 2, lastError: 'x' }))).not.toContain('cannot read');
    expect(
      watchLine(watch({ failures: 3, lastError: 'telnyx.disable-forwarding: provider_unavailable' })),
    ).toMatch(
      /cannot read the account.*last 3 runs failed \(telnyx\.disable-forwarding: provider_unavailable\)/,
    );
  });

  it('when the watch waits, was stopped or is over, then the card says which', () => {
    expect(watchLine(watch({ state: 'waiting', runs: 0 }))).toContain(
      'starts once every automated step is done or skipped, for 72 hours',
    );
    expect(watchLine(watch({ state: 'stopped', endedBy: 'UBOB', endedAt: NOW }))).toContain(
      'Watch stopped* by <@UBOB>',
    );
    expect(watchLine(watch({ state: 'ended', alerts: 0 }))).toContain(
      'Watch over* after 72 hours: 4 runs, no alert so far',
    );
  });

  it('when the watch raises an alert, then the approvers are mentioned and the attacker-named findings are escaped', () => {
    const view = makeView(
      { actions: makeActions(1) },
      {
        findings: [{ resource: 'x', summary: `app ${EVIL}`, suspicious: true, reasons: [] }],
      },
    );
    const message = buildWatchAlertMessage(view, ['UALICE', 'UBOB']);
    const text = mrkdwnOf(message);
    expect(text).toContain('<@UALICE>');
    expect(text).toContain('1 new suspicious change since the clean-up');
    expect(text).toContain('Approve on the card above to undo it');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example');
  });
});
