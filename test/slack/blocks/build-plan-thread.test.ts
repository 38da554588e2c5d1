import { describe, expect, it } from 'vitest';
import { buildPlanThread } from '../../../src/slack/blocks/build-plan-thread.js';
import { FULL_PLAN_IN_THREAD_MAX } from '../../../src/slack/blocks/plan-counts.js';
import { EVIL, makeAction, makeActions, mrkdwnOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

/** The numbered lines of a thread, in order, across all its messages. */
function linesOf(messages: ReturnType<typeof buildPlanThread>): string[] {
  return messages.flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === 'section' && b.text ? b.text.text.split('\n') : [])),
  );
}

describe('buildPlanThread', () => {
  it('when the plan is empty, then there is no thread', () => {
    expect(buildPlanThread([])).toEqual([]);
  });

  it('when the plan has 300 actions, then every one is listed once, in order, in as few messages as fit', () => {
    const actions = makeActions(300).reverse(); // given out of order: the thread sorts by position
    const thread = buildPlanThread(actions);
    const lines = linesOf(thread);
    expect(lines).toHaveLength(300);
    lines.forEach((line, i) => {
      expect(line).toBe(
        `${i + 1}. Disable forwarding on +1 555 01${String(i).padStart(2, '0')} (forwards to +882…)`,
      );
    });
    // ~17,000 characters of plan: two messages under the 10,000-character budget, not more.
    expect(thread).toHaveLength(2);
    const first = /^Full plan, part 1 of 2: changes 1–(\d+) of 300$/.exec(thread[0]!.text);
    expect(first).not.toBeNull();
    expect(thread[1]?.text).toBe(`Full plan, part 2 of 2: changes ${Number(first![1]) + 1}–300 of 300`);
    for (const message of thread) assertWithinSlackLimits(message);
  });

  it('when every description is 5000 characters, then each is shortened and every message stays within limits', () => {
    const thread = buildPlanThread(makeActions(300, { description: 'D'.repeat(5000) }));
    expect(linesOf(thread)).toHaveLength(300);
    for (const message of thread) assertWithinSlackLimits(message);
    for (const line of linesOf(thread)) expect(line.length).toBeLessThanOrEqual(1006);
  });

  it('when 500 one-word actions are planned (the most a thread lists), then no message exceeds 50 blocks', () => {
    const thread = buildPlanThread(makeActions(FULL_PLAN_IN_THREAD_MAX, { description: 'x' }));
    expect(linesOf(thread)).toHaveLength(FULL_PLAN_IN_THREAD_MAX);
    for (const message of thread) assertWithinSlackLimits(message);
  });

  it('when a single action is planned, then the part says "change 1"', () => {
    expect(buildPlanThread([makeAction(0)])[0]?.text).toBe('Full plan, part 1 of 1: change 1 of 1');
  });

  it('when a description is malicious, then it is escaped', () => {
    const [message] = buildPlanThread([makeAction(0, { description: EVIL })]);
    assertWithinSlackLimits(message);
    expect(mrkdwnOf(message!)).toContain(
      '1. &lt;!channel&gt; &lt;https://evil.example|click&gt; &lt;@U999&gt; &amp;',
    );
  });
});
