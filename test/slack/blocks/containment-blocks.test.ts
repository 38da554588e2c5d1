import { describe, expect, it } from 'vitest';
import type { ContainmentView } from '../../../src/incidents/views/view-types.js';
import { buildCloseSummary } from '../../../src/slack/blocks/build-close-summary.js';
import { buildStepCard } from '../../../src/slack/blocks/build-step-card.js';
import { STEP_ACTION } from '../../../src/slack/blocks/button-value.js';
import { buttonsOf, makeActions, makeIncident, makeView, mrkdwnOf, OPENED } from './fixtures.js';

const contained = (over: Partial<ContainmentView> = {}): ContainmentView => ({
  containedAt: new Date(OPENED.getTime() + 7_400),
  secondsAfterStart: 7,
  stopped: 3,
  restoreState: null,
  ...over,
});

const card = (containment: ContainmentView, state: 'done' | 'awaiting_approval' = 'done') =>
  buildStepCard(
    makeView(
      { containment, actions: makeActions(3, { state: state === 'done' ? 'done' : 'pending' }) },
      { state, risk: 'normal' },
    ),
  );

describe('the Contain now card', () => {
  it('when it ran, then it says when the account was contained and how many seconds after the start, in each reader’s time zone', () => {
    const text = mrkdwnOf(card(contained()));
    expect(text).toContain('Contained at <!date^');
    expect(text).toContain('^{time_secs}|12:00:07 UTC>, 7 s after start');
    expect(text).toContain('3 resources stopped');
  });

  it('when it ran and stopped something, then it offers Restore… behind a confirm; once raised, the button is gone and the line says where Restore stands', () => {
    const restore = buttonsOf(card(contained())).find((b) => b.action_id === STEP_ACTION.restore);
    expect(restore?.confirm?.text?.text).toMatch(/Nothing changes until that plan is approved/);
    const raised = card(contained({ restoreState: 'awaiting_approval' }));
    expect(buttonsOf(raised).some((b) => b.action_id === STEP_ACTION.restore)).toBe(false);
    expect(mrkdwnOf(raised)).toContain('Restore: awaiting approval');
  });

  it('when it stopped nothing, then there is no Restore and the card says nothing needed containing', () => {
    const none = card(contained({ stopped: 0, containedAt: null, secondsAfterStart: null }));
    expect(buttonsOf(none).some((b) => b.action_id === STEP_ACTION.restore)).toBe(false);
    expect(mrkdwnOf(none)).toContain('Nothing needed containing');
  });

  it('when it awaits approval, then Approve asks to confirm though its risk is normal (it stops the account’s traffic)', () => {
    const approve = buttonsOf(card(contained({ containedAt: null, stopped: 0 }), 'awaiting_approval')).find(
      (b) => b.action_id === STEP_ACTION.approve,
    );
    expect(approve?.confirm).toBeDefined();
    const plain = buildStepCard(makeView({}, { state: 'awaiting_approval', risk: 'normal' }));
    expect(buttonsOf(plain).find((b) => b.action_id === STEP_ACTION.approve)?.confirm).toBeUndefined();
  });

  it('when a step is not Contain now, then its done card has no containment line and no Restore', () => {
    const done = buildStepCard(makeView({ actions: makeActions(3, { state: 'done' }) }, { state: 'done' }));
    expect(mrkdwnOf(done)).not.toContain('Contained at');
    expect(buttonsOf(done).some((b) => b.action_id === STEP_ACTION.restore)).toBe(false);
  });
});

describe('the close summary', () => {
  const report = (restore: string) =>
    `- Time to containment: 4 s (telnyx.contain-now: 3 stopped by 2026-03-15T12:00:04.000Z; ${restore})\n- Steps done: 18 of 19; provider changes made: 9\n`;

  it('when the account was contained and restored, then the summary says how fast', () => {
    const text = mrkdwnOf(
      buildCloseSummary({ incident: makeIncident(), markdown: report('restored: 3 put back') }),
    );
    expect(text).toContain('Contained 4 s after start (telnyx.contain-now), restored since');
  });

  it('when it was force-closed still contained, then the summary warns that nothing was restored', () => {
    const text = mrkdwnOf(
      buildCloseSummary({
        incident: makeIncident(),
        markdown: report('NOT restored: 3 resources still stopped'),
      }),
    );
    expect(text).toContain('Contained 4 s after start (telnyx.contain-now) and NOT restored');
  });
});
