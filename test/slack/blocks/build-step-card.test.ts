import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/types.js';
import type { StepCardView } from '../../../src/incidents/views/view-types.js';
import { buildStepCard } from '../../../src/slack/blocks/build-step-card.js';
import { parseButtonValue } from '../../../src/slack/blocks/button-value.js';
import {
  approval,
  buttonsOf,
  DIGEST,
  EVIL,
  makeAction,
  makeActions,
  makeIncident,
  makeView,
  mrkdwnOf,
  NOW,
  textOf,
} from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

const secrets = [
  { id: 'sec-1', label: 'SIP password for conn 1', revealedAt: null },
  { id: 'sec-2', label: 'SIP password for conn 2', revealedAt: null },
  { id: 'sec-3', label: 'SIP password for conn 3', revealedAt: NOW },
];
const manual = (over: Partial<StepCardView> = {}, step: Partial<Step> = {}) =>
  makeView(
    {
      definition: {
        title: 'Review login history',
        why: 'Attackers log in from new places.',
        risk: 'normal',
        kind: 'manual',
        instructions: '1. Open the portal\n2. Check *Login history*',
        link: { url: 'https://portal.telnyx.com/#/account/login-history', label: 'Open login history' },
      },
      actions: [],
      ...over,
    },
    { kind: 'manual', risk: 'normal', state: 'pending', planDigest: null, findings: null, ...step },
  );

const doneActions = makeActions(3, { state: 'done', result: { forwarding: 'off' } });

const views: { name: string; view: StepCardView; buttons: string[] }[] = [
  {
    name: 'awaiting approval with a plan (high risk)',
    view: makeView(),
    buttons: ['step.approve', 'step.reject', 'step.skip', 'step.rediscover'],
  },
  {
    name: 'awaiting approval with a plan (normal risk)',
    view: makeView({}, { risk: 'normal' }),
    buttons: ['step.approve', 'step.reject', 'step.skip', 'step.rediscover'],
  },
  {
    name: 'awaiting approval with an empty plan',
    view: makeView({ actions: [] }),
    buttons: ['step.done', 'step.skip', 'step.rediscover'],
  },
  {
    name: 'pending (automated)',
    view: makeView({ actions: [] }, { state: 'pending', planDigest: null }),
    buttons: [],
  },
  {
    name: 'discovering',
    view: makeView({ actions: [] }, { state: 'discovering', planDigest: null }),
    buttons: [],
  },
  {
    name: 'approved',
    view: makeView({ approvals: [approval('UALICE'), approval('UBOB')] }, { state: 'approved' }),
    buttons: [],
  },
  {
    name: 'executing',
    view: makeView(
      { actions: [makeAction(0, { state: 'done' }), makeAction(1, { state: 'running' }), makeAction(2)] },
      { state: 'executing' },
    ),
    buttons: [],
  },
  { name: 'done without secrets', view: makeView({ actions: doneActions }, { state: 'done' }), buttons: [] },
  {
    name: 'done with two unrevealed secrets',
    view: makeView({ actions: doneActions, secrets }, { state: 'done' }),
    buttons: ['step.reveal', 'step.reveal'],
  },
  {
    name: 'failed while executing',
    view: makeView(
      {
        actions: [
          makeAction(0, { state: 'done' }),
          makeAction(1, { state: 'failed', error: { code: 'provider_error', message: 'Telnyx said 500' } }),
        ],
      },
      {
        state: 'failed',
        failedPhase: 'execute',
        error: { code: 'provider_error', message: 'Telnyx said 500' },
      },
    ),
    buttons: ['step.retry', 'step.skip'],
  },
  {
    name: 'failed while discovering',
    view: makeView(
      { actions: [] },
      {
        state: 'failed',
        failedPhase: 'discover',
        planDigest: null,
        error: { code: 'timeout', message: 'timed out' },
      },
    ),
    buttons: ['step.retry', 'step.skip'],
  },
  {
    name: 'skipped',
    view: makeView({}, { state: 'skipped', decidedBy: 'UCAROL', reason: 'done by hand' }),
    buttons: [],
  },
  {
    name: 'rejected',
    view: makeView(
      { approvals: [approval('UDAVE', { decision: 'reject', reason: 'wrong numbers' })] },
      { state: 'rejected', decidedBy: 'UDAVE', reason: 'wrong numbers' },
    ),
    buttons: ['step.rediscover', 'step.skip'],
  },
  {
    name: 'a pending manual step with a link',
    view: manual(),
    buttons: ['step.link', 'step.done', 'step.skip'],
  },
  {
    name: 'a pending manual step without a link',
    view: manual({
      definition: {
        title: 'Call support',
        why: 'They can lock the account.',
        risk: 'normal',
        kind: 'manual',
        instructions: 'Call them.',
      },
    }),
    buttons: ['step.done', 'step.skip'],
  },
  { name: 'a done manual step', view: manual({}, { state: 'done', decidedBy: 'UERIN' }), buttons: [] },
  {
    name: 'a closed incident awaiting approval',
    view: makeView({ incident: makeIncident({ status: 'closed' }) }),
    buttons: [],
  },
  {
    name: 'a closed incident with unrevealed secrets',
    view: makeView(
      { incident: makeIncident({ status: 'closed' }), actions: doneActions, secrets },
      { state: 'done' },
    ),
    buttons: [],
  },
];

const cleanFindings = [
  { resource: '+15550101', summary: '+1 555 0101 has no forwarding', suspicious: false, reasons: [] },
];

describe('buildStepCard buttons', () => {
  it.each(views)('when the card is $name, then the buttons are $buttons', ({ view, buttons }) => {
    const card = buildStepCard(view);
    expect(buttonsOf(card).map((b) => b.action_id)).toEqual(buttons);
    assertWithinSlackLimits(card);
  });

  it.each(views)(
    'when the card is $name, then every button value parses back to the step and digest',
    ({ view }) => {
      for (const b of buttonsOf(buildStepCard(view))) {
        const value = parseButtonValue(b.value);
        expect(value).toMatchObject({ stepId: view.step.id, digest: view.step.planDigest ?? '' });
        if (b.action_id === 'step.reveal') expect(value?.secretId).toMatch(/^sec-[12]$/);
        else expect(value?.secretId).toBeUndefined();
      }
    },
  );

  it('when the step is high risk, then Approve asks for confirmation stating the number of changes', () => {
    const approve = buttonsOf(buildStepCard(makeView())).find((b) => b.action_id === 'step.approve')!;
    expect(approve.style).toBe('primary');
    expect(approve.text.text).toBe('Approve 3 changes');
    expect(approve.confirm?.title?.text).toBe('Approve 3 changes?');
    expect(approve.confirm?.text?.text).toMatch(/^This makes 3 changes to your live telnyx account/);
    expect(approve.confirm?.text?.text).toContain('2 different people');
    expect(approve.confirm?.confirm?.text).toBe('Approve');
    expect(approve.confirm?.deny?.text).toBe('Cancel');
  });

  it('when the step is normal risk, then Approve has no confirmation', () => {
    const approve = buttonsOf(buildStepCard(makeView({}, { risk: 'normal' }))).find(
      (b) => b.action_id === 'step.approve',
    )!;
    expect(approve.confirm).toBeUndefined();
  });

  it('when the incident is a rehearsal, then the confirmation says it is the simulator', () => {
    const approve = buttonsOf(buildStepCard(makeView({ incident: makeIncident({ rehearsal: true }) }))).find(
      (b) => b.action_id === 'step.approve',
    )!;
    expect(approve.confirm?.text?.text).toContain('simulated telnyx account (rehearsal)');
  });

  it('when Reject shows, then it is the danger button', () => {
    expect(buttonsOf(buildStepCard(makeView())).find((b) => b.action_id === 'step.reject')?.style).toBe(
      'danger',
    );
  });

  it('when 30 secrets wait, then 10 Reveal buttons show and a line says more are coming', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      label: `cred ${i}`,
      revealedAt: null,
    }));
    const card = buildStepCard(makeView({ actions: doneActions, secrets: many }, { state: 'done' }));
    expect(buttonsOf(card).filter((b) => b.action_id === 'step.reveal')).toHaveLength(10);
    expect(textOf(card)).toContain('20 more credentials get a Reveal button');
    assertWithinSlackLimits(card);
  });
});

describe('buildStepCard content', () => {
  it('when a plan waits for approval, then the card shows findings, the plan, approvals and the risk', () => {
    const view = makeView();
    view.step.findings = [view.step.findings![1]!, view.step.findings![0]!, view.step.findings![2]!];
    const text = textOf(buildStepCard(view));
    expect(text).toContain('"1. Disable suspicious call forwarding"');
    expect(text).toContain('🔴 *High risk*');
    expect(text).toContain('✋ Awaiting approval');
    expect(text).toContain('*Why:* Attackers forward calls');
    expect(text).toContain('1 of 3 numbers forwards');
    expect(text).toContain('⚠️ +1 555 0100 forwards to +882 16 5555 — premium prefix +882');
    expect(text).toContain('✓ 2 other resources look fine.');
    expect(text.indexOf('⚠️ +1 555 0100')).toBeLessThan(text.indexOf('✓ 2 other'));
    expect(text).toContain(
      '*Plan — 3 changes:*\\n1. Disable forwarding on +1 555 0100 (forwards to +882…)\\n2. Disable',
    );
    expect(text).toContain('*Approvals:* none yet — 2 approvals needed from different people.');
    expect(text).not.toContain('Rehearsal');
  });

  it.each([
    [[approval('UALICE')], 2, '*Approvals:* <@UALICE> — 1 more needed.'],
    [[approval('UALICE'), approval('UALICE')], 2, '*Approvals:* <@UALICE> — 1 more needed.'],
    [[approval('UALICE'), approval('UBOB')], 2, '*Approvals:* <@UALICE>, <@UBOB> — enough to run.'],
    [[], 1, '*Approvals:* none yet — 1 approval needed.'],
  ])('when approvals are %j of %i, then the card says %s', (approvals, needed, expected) => {
    expect(textOf(buildStepCard(makeView({ approvals, needed })))).toContain(expected);
  });

  it('when there is a policy note, a rehearsal and a real-account warning, then the card says each', () => {
    const rehearsal = textOf(
      buildStepCard(
        makeView({
          incident: makeIncident({ rehearsal: true }),
          policyNote: 'Rehearsal: one approval from anyone is enough.',
        }),
      ),
    );
    expect(rehearsal).toContain('🧪 *Rehearsal*');
    expect(rehearsal).toContain('ℹ️ Rehearsal: one approval from anyone is enough.');
    const real = textOf(buildStepCard(makeView({ realAccountWarning: true })));
    expect(real).toContain('This is your real telnyx account');
  });

  it.each(['pending', 'awaiting_approval', 'executing', 'done', 'failed', 'skipped'] as const)(
    'when the incident acts on a real account, then the %s card carries the warning',
    (state) => {
      const real = textOf(buildStepCard(makeView({ realAccountWarning: true }, { state })));
      expect(real).toContain('⚠️ *Real telnyx account*');
      expect(textOf(buildStepCard(makeView({}, { state })))).not.toContain('Real telnyx account');
    },
  );

  it('when a manual step belongs to an incident on a real account, then its card carries the warning', () => {
    const view = makeView({ realAccountWarning: true, actions: [] }, { kind: 'manual', state: 'pending' });
    expect(textOf(buildStepCard(view))).toContain('⚠️ *Real telnyx account*');
  });

  it('when the plan is empty and nothing is flagged, then the card says nothing was found', () => {
    const text = textOf(buildStepCard(makeView({ actions: [] }, { findings: cleanFindings })));
    expect(text).toContain('*Nothing found.*');
  });

  it('when the plan is empty but findings are flagged, then the card asks for a review, not "nothing found"', () => {
    const text = textOf(buildStepCard(makeView({ actions: [] })));
    expect(text).toContain('⚠️ *1 finding needs your review.* Reclaim changes nothing here');
    expect(text).toContain('in the telnyx portal');
    expect(text).not.toContain('Nothing found');
  });

  it('when discovering, then the card says it is read-only', () => {
    const text = textOf(buildStepCard(makeView({ actions: [] }, { state: 'discovering' })));
    expect(text).toContain('Discovering…* (read-only');
  });

  it('when the plan has 300 actions, then the card lists 20 and points to the thread', () => {
    const card = buildStepCard(makeView({ actions: makeActions(300) }));
    const text = textOf(card);
    expect(text).toContain('*Plan — 300 changes:*');
    expect(text).toContain('\\n20. Disable forwarding on +1 555 0119');
    expect(text).not.toContain('\\n21. ');
    expect(text).toContain('…and 280 more (full plan in the thread)');
    expect(buttonsOf(card)[0]?.text.text).toBe('Approve 300 changes');
    assertWithinSlackLimits(card);
  });

  it('when executing, then each action shows done, running, pending or failed with its error', () => {
    const card = buildStepCard(
      makeView(
        {
          approvals: [approval('UALICE'), approval('UBOB')],
          actions: [
            makeAction(0, { state: 'done', result: { forwarding: 'off' } }),
            makeAction(1, { state: 'running' }),
            makeAction(2, { state: 'failed', error: { code: 'x', message: 'number is locked' } }),
            makeAction(3),
          ],
        },
        { state: 'executing' },
      ),
    );
    const text = textOf(card);
    expect(text).toContain('*Approved by* <@UALICE>, <@UBOB>');
    expect(text).toContain('*Progress:* 1 of 4 done · 1 failed · 2 to go');
    expect(text).toContain('✅ 1. Disable forwarding on +1 555 0100 (forwards to +882…) → forwarding: off');
    expect(text).toContain('🔄 2. ');
    expect(text).toContain(
      '❌ 3. Disable forwarding on +1 555 0102 (forwards to +882…) — failed: number is locked',
    );
    expect(text).toContain('⏳ 4. ');
  });

  it('when 300 actions run and one late action failed, then the failed one is listed', () => {
    const actions = makeActions(300, { state: 'done' });
    actions[250] = makeAction(250, { state: 'failed', error: { code: 'x', message: 'boom' } });
    const text = textOf(
      buildStepCard(
        makeView(
          { actions },
          { state: 'failed', failedPhase: 'execute', error: { code: 'x', message: 'boom' } },
        ),
      ),
    );
    expect(text).toContain('❌ 251. ');
    expect(text).toContain('…and 280 more (full plan in the thread)');
  });

  it('when done, then the card shows the results and the credentials by label only', () => {
    const text = textOf(
      buildStepCard(
        makeView({ actions: doneActions, secrets, approvals: [approval('UALICE')] }, { state: 'done' }),
      ),
    );
    expect(text).toContain('✅ *Done* — 3 of 3 changes made.');
    expect(text).toContain('🔑 SIP password for conn 1 — not revealed yet');
    expect(text).toMatch(/🔑 SIP password for conn 3 — revealed <!date\^\d+\^/);
    expect(text).toContain('"text":"Reveal SIP password for conn 1"');
  });

  it('when done with nothing to change, then it says who confirmed', () => {
    expect(
      textOf(
        buildStepCard(
          makeView({ actions: [] }, { state: 'done', decidedBy: 'UFRANK', findings: cleanFindings }),
        ),
      ),
    ).toContain('nothing needed changing; confirmed by <@UFRANK>');
  });

  it('when done with flagged findings and no changes, then it says they were reviewed by hand', () => {
    const text = textOf(buildStepCard(makeView({ actions: [] }, { state: 'done', decidedBy: 'UFRANK' })));
    expect(text).toContain('1 finding reviewed by hand, no automated changes; confirmed by <@UFRANK>');
    expect(text).not.toContain('nothing needed changing');
  });

  it('when failed, then the card shows the error and what Retry will do', () => {
    const text = textOf(buildStepCard(views.find((v) => v.name === 'failed while executing')!.view));
    expect(text).toContain('❌ *Failed while executing:* Telnyx said 500 (`provider_error`)');
    expect(text).toContain('Retry runs only the changes not made yet');
  });

  it.each([
    [
      'skipped',
      { state: 'skipped', decidedBy: 'UCAROL', reason: 'done by hand' },
      '⏭️ *Skipped* by <@UCAROL>: done by hand',
    ],
    [
      'rejected',
      { state: 'rejected', decidedBy: 'UDAVE', reason: 'wrong numbers' },
      '🚫 *Rejected* by <@UDAVE>: wrong numbers',
    ],
  ] as const)('when %s, then the card says who and why', (_name, step, expected) => {
    expect(textOf(buildStepCard(makeView({}, step)))).toContain(expected);
  });

  it('when a manual step is pending, then it shows its instructions and link button', () => {
    const card = buildStepCard(manual());
    const text = textOf(card);
    expect(text).toContain('📝 To do (manual)');
    expect(text).toContain('*What to do:*\\n1. Open the portal\\n2. Check *Login history*');
    const link = buttonsOf(card)[0]!;
    expect(link.url).toBe('https://portal.telnyx.com/#/account/login-history');
    expect(buttonsOf(card).find((b) => b.action_id === 'step.done')?.style).toBe('primary');
  });

  it('when the step waits for approval, then the fallback text says so', () => {
    expect(buildStepCard(makeView()).text).toBe(
      '1. Disable suspicious call forwarding: awaiting approval (3 changes waiting for approval)',
    );
  });
});

describe('buildStepCard limits and escaping', () => {
  const long = 'L'.repeat(5000);
  const extreme = makeView(
    {
      incident: makeIncident({ label: long }),
      definition: { title: long, why: long, risk: 'high', kind: 'automated' },
      summary: long,
      actions: makeActions(300, { description: long }),
      approvals: Array.from({ length: 30 }, (_, i) => approval(`U${i}X`)),
      policyNote: long,
      secrets: Array.from({ length: 60 }, (_, i) => ({
        id: `s${i}`.repeat(100),
        label: long,
        revealedAt: i % 2 ? NOW : null,
      })),
      realAccountWarning: true,
    },
    {
      findings: Array.from({ length: 500 }, (_, i) => ({
        resource: `r${i}`,
        summary: long,
        suspicious: i % 3 === 0,
        reasons: [long, long],
      })),
      error: { code: long, message: long },
    },
  );

  it.each(['awaiting_approval', 'executing', 'done', 'failed', 'rejected', 'skipped'] as const)(
    'when every field is huge and the step is %s, then the card stays within Slack limits',
    (state) => {
      const view = {
        ...extreme,
        step: {
          ...extreme.step,
          state,
          failedPhase: state === 'failed' ? ('execute' as const) : null,
          reason: long,
          decidedBy: 'UX1',
        },
      };
      const card = buildStepCard(view);
      assertWithinSlackLimits(card);
    },
  );

  it('when a manual step has huge instructions, then the card stays within Slack limits', () => {
    assertWithinSlackLimits(
      buildStepCard(
        manual({
          definition: {
            title: long,
            why: long,
            risk: 'normal',
            kind: 'manual',
            instructions: `${'line\n'.repeat(2000)}${long}`,
          },
        }),
      ),
    );
  });

  it.each(['awaiting_approval', 'executing', 'done', 'failed', 'rejected', 'skipped'] as const)(
    'when user and provider text is malicious and the step is %s, then it is escaped',
    (state) => {
      const view = makeView(
        {
          incident: makeIncident({ label: EVIL }),
          summary: EVIL,
          actions: makeActions(3, {
            description: EVIL,
            state: 'failed',
            error: { code: EVIL, message: EVIL },
          }),
          approvals: [approval('<!channel>')],
          policyNote: EVIL,
          secrets: [{ id: 'x', label: EVIL, revealedAt: null }],
        },
        {
          state,
          failedPhase: 'execute',
          reason: EVIL,
          decidedBy: '<!here>',
          error: { code: EVIL, message: EVIL },
          findings: [{ resource: 'r', summary: EVIL, suspicious: true, reasons: [EVIL] }],
        },
      );
      const card = buildStepCard(view);
      assertWithinSlackLimits(card);
      const text = mrkdwnOf(card);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
      expect(text).not.toContain('<https://evil');
      expect(text).toContain('&lt;!channel&gt;');
    },
  );

  it('when the digest is present, then it is the one the buttons carry', () => {
    const values = buttonsOf(buildStepCard(makeView())).map((b) => parseButtonValue(b.value)?.digest);
    expect(values).toEqual([DIGEST, DIGEST, DIGEST, DIGEST]);
  });
});

describe('buildStepCard approvals of an older plan', () => {
  it('when an approval was for an older digest, then it does not count', () => {
    const stale = approval('UOLD', { planDigest: 'b'.repeat(64) });
    const text = textOf(buildStepCard(makeView({ approvals: [stale, approval('UALICE')] })));
    expect(text).toContain('*Approvals:* <@UALICE> — 1 more needed.');
    expect(text).not.toContain('UOLD');
  });
});
