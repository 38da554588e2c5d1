// A plan of 10,000 changes on the cards: summarised within Block Kit's limits, listed in full in a file, approved by the full plan's digest.
import { describe, expect, it } from 'vitest';
import { planDigest } from '../../../src/domain/plan-digest.js';
import type { Finding, PlanAction, Step } from '../../../src/domain/types.js';
import { buildPlanFile } from '../../../src/slack/blocks/build-plan-file.js';
import { buildPlanThread } from '../../../src/slack/blocks/build-plan-thread.js';
import { buildStepCard } from '../../../src/slack/blocks/build-step-card.js';
import { parseButtonValue } from '../../../src/slack/blocks/button-value.js';
import { FULL_PLAN_IN_THREAD_MAX } from '../../../src/slack/blocks/plan-counts.js';
import { approval, buttonsOf, EVIL, makeAction, makeView, textOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

const FORWARDING = 9_000;
const SIP = 1_000;

/** 9,000 numbers to stop forwarding, then 1,000 connections to rotate, all under the plan's real digest. */
function bigPlan(over: (i: number) => Partial<PlanAction> = () => ({})): PlanAction[] {
  const planned = Array.from({ length: FORWARDING + SIP }, (_, i) =>
    i < FORWARDING
      ? {
          kind: 'disable_forwarding',
          target: `+1303555${String(i).padStart(4, '0')}`,
          params: {},
          description: `Disable forwarding on +1 303 555 ${String(i).padStart(4, '0')} (forwards to +882 16 5555)`,
        }
      : {
          kind: 'rotate_sip_credentials',
          target: `conn-${i}`,
          params: {},
          description: `Rotate the SIP username and password of connection “office-${i}” (conn-${i})`,
        },
  );
  const digest = planDigest(planned);
  return planned.map((p, i) => makeAction(i, { ...p, planDigest: digest, ...over(i) }));
}

const digestOf = (actions: PlanAction[]) => actions[0]!.planDigest;

function bigFindings(): Finding[] {
  return Array.from({ length: 10_000 }, (_, i) => ({
    resource: `+1303555${i}`,
    summary: `+1 303 555 ${i} forwards to +882 16 5555`,
    suspicious: i < 9_000,
    reasons: ['forwards to a premium-rate prefix (+882, international networks)'],
  }));
}

function bigView(actions: PlanAction[], step: Partial<Step> = {}) {
  const digest = digestOf(actions);
  return makeView(
    {
      actions,
      approvals: [approval('UALICE', { planDigest: digest })],
      secrets: Array.from({ length: 1_000 }, (_, i) => ({
        id: `s${i}`,
        label: `SIP password of office-${i}`,
        revealedAt: null,
      })),
    },
    { planDigest: digest, findings: bigFindings(), ...step },
  );
}

describe('a step card of 10,000 changes', () => {
  it('when it waits for approval, then it shows the counts per kind, the first 20 lines and how many more, within limits', () => {
    const actions = bigPlan();
    const card = buildStepCard(bigView(actions));
    assertWithinSlackLimits(card);
    const text = textOf(card);
    expect(text).toContain('*Plan — 10,000 changes:*');
    expect(text).toContain('By kind: 9,000 disable forwarding · 1,000 rotate sip credentials');
    expect(text).toContain('\\n1. Disable forwarding on +1 303 555 0000');
    expect(text).toContain('\\n20. Disable forwarding on +1 303 555 0019');
    expect(text).not.toContain('\\n21. ');
    expect(text).toContain(
      `…and 9,980 more (full plan in the file plan-${digestOf(actions).slice(0, 8)}.txt)`,
    );
    expect(text).toContain('…and 8,992 more flagged');
    expect(text).toContain('10,000 changes waiting for approval');
  });

  it('when it waits for approval, then Approve names all 10,000 changes and carries the digest of the full plan', () => {
    const actions = bigPlan();
    const [approve, ...others] = buttonsOf(buildStepCard(bigView(actions)));
    expect(approve?.text.text).toBe('Approve 10,000 changes');
    expect(approve?.confirm?.text?.text).toContain('exactly the plan listed in full in the file plan-');
    const full = planDigest(
      actions.map(({ kind, target, params, description }) => ({ kind, target, params, description })),
    );
    for (const b of [approve, ...others]) expect(parseButtonValue(b?.value)?.digest).toBe(full);
  });

  it.each<[string, Partial<Step>, (i: number) => Partial<PlanAction>]>([
    ['approved', { state: 'approved' }, () => ({})],
    [
      'executing, a third done and some running',
      { state: 'executing' },
      (i) => ({
        state: i < 3_333 ? 'done' : i < 3_400 ? 'running' : 'pending',
        result: { forwarding: 'off' },
      }),
    ],
    ['done', { state: 'done' }, () => ({ state: 'done', result: { forwarding: 'off', was: '+88216555' } })],
    [
      'failed with 600 failures',
      {
        state: 'failed',
        failedPhase: 'execute',
        error: { code: 'actions_failed', message: '600 of 10000 changes failed' },
      },
      (i) =>
        i % 16 === 0 && i < 9_600
          ? {
              state: 'failed',
              error: { code: 'telnyx_error', message: `number ${i} is locked: ${'x'.repeat(300)}` },
            }
          : { state: 'done', result: { forwarding: 'off' } },
    ],
  ])(
    'when it is %s, then the card stays within Block Kit’s limits and counts with separators',
    (_, step, over) => {
      const card = buildStepCard(bigView(bigPlan(over), step));
      assertWithinSlackLimits(card);
      expect(textOf(card)).toMatch(/\*Progress:\* [\d,]+ of 10,000 done/);
      expect(textOf(card)).toContain('more (full plan in the file plan-');
    },
  );

  it('when every description is 5,000 characters of hostile text, then the card still fits and escapes it', () => {
    const card = buildStepCard(bigView(bigPlan(() => ({ description: `${EVIL} ${'D'.repeat(5000)}` }))));
    assertWithinSlackLimits(card);
  });
});

describe('the full plan of 10,000 changes', () => {
  it('when it is too long for a thread, then the thread is one message of counts pointing to the file, within limits', () => {
    const actions = bigPlan();
    const thread = buildPlanThread(actions);
    expect(thread).toHaveLength(1);
    assertWithinSlackLimits(thread[0]);
    const text = textOf(thread[0]!);
    expect(text).toContain('10,000 changes:* 9,000 disable forwarding · 1,000 rotate sip credentials');
    expect(text).toContain(`plan-${digestOf(actions).slice(0, 8)}.txt`);
  });

  it('when it goes to a file, then the file lists every change once, in order, under the full digest', () => {
    const actions = bigPlan().reverse(); // given out of order: the file sorts by position
    const file = buildPlanFile(actions, 'Turn off call forwarding to numbers that are not yours');
    expect(file?.filename).toBe(`plan-${digestOf(actions).slice(0, 8)}.txt`);
    const lines = file!.content.split('\n');
    expect(lines[1]).toBe(`Plan digest (what every approval is bound to): ${digestOf(actions)}`);
    expect(lines[2]).toBe('10,000 changes: 9,000 disable forwarding, 1,000 rotate sip credentials');
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(10_000);
    for (const [i, line] of numbered.entries()) expect(line.startsWith(`${i + 1}. `)).toBe(true);
    expect(numbered[9_999]).toBe(
      '10000. Rotate the SIP username and password of connection “office-9999” (conn-9999)',
    );
    expect(file!.comment).toContain('10,000 changes');
  });

  it.each([
    [FULL_PLAN_IN_THREAD_MAX, 'the thread lists it', false],
    [FULL_PLAN_IN_THREAD_MAX + 1, 'a file lists it', true],
  ])('when the plan has %i changes, then %s', (n, _, inFile) => {
    const actions = bigPlan().slice(0, n);
    expect(buildPlanFile(actions, 'step') !== null).toBe(inFile);
    const thread = buildPlanThread(actions);
    for (const message of thread) assertWithinSlackLimits(message);
    expect(thread.some((m) => m.text.includes('listed in the file'))).toBe(inFile);
  });
});
