import type { Step, StepState } from '../../../../src/domain/types.js';
import { buildCloseSummary } from '../../../../src/slack/blocks/build-close-summary.js';
import { buildIncidentList } from '../../../../src/slack/blocks/build-incident-list.js';
import { buildPlanThread } from '../../../../src/slack/blocks/build-plan-thread.js';
import { buildProgressCard } from '../../../../src/slack/blocks/build-progress-card.js';
import { buildRevealMessage } from '../../../../src/slack/blocks/build-reveal-message.js';
import { buildStepCard } from '../../../../src/slack/blocks/build-step-card.js';
import { buildRefusal, buildUsageMessage } from '../../../../src/slack/blocks/build-usage-message.js';
import type { SlackMessage } from '../../../../src/slack/blocks/types.js';
import {
  approval,
  EVIL,
  makeActions,
  makeIncident,
  makeStep,
  makeView,
  NOW,
} from '../../../slack/blocks/fixtures.js';

/** Every kind of message the bot sends, built by its own builders, with hostile text where it can be. */
const failed = { code: 'provider_error', message: `Telnyx said ${EVIL}` };
const secret = { id: 'sec-1', label: `SIP password ${EVIL}`, revealedAt: null };

export const STEP_CARDS: [string, SlackMessage][] = [
  ...(['pending', 'discovering', 'approved', 'executing', 'skipped', 'rejected'] as StepState[]).map(
    (state): [string, SlackMessage] => [
      `an automated step ${state}`,
      buildStepCard(makeView({}, { state, reason: EVIL, decidedBy: 'UBOB' })),
    ],
  ),
  [
    'a plan awaiting approval on a real account',
    buildStepCard(makeView({ realAccountWarning: true, policyNote: EVIL, approvals: [approval('UBOB')] })),
  ],
  ['an empty plan awaiting approval', buildStepCard(makeView({ actions: [], summary: EVIL }))],
  ['a done step with a secret to reveal', buildStepCard(makeView({ secrets: [secret] }, { state: 'done' }))],
  [
    'a step that failed executing',
    buildStepCard(makeView({}, { state: 'failed', failedPhase: 'execute', error: failed })),
  ],
  [
    'a step that failed discovering',
    buildStepCard(makeView({}, { state: 'failed', failedPhase: 'discover', error: failed })),
  ],
  [
    'a manual step with a link',
    buildStepCard(
      makeView(
        {
          definition: {
            title: 'Change the password',
            why: EVIL,
            risk: 'high',
            kind: 'manual',
            instructions: '1. *Do it*',
            link: { url: 'https://portal.telnyx.com', label: 'Portal' },
          },
        },
        { kind: 'manual', state: 'pending' },
      ),
    ),
  ],
  [
    'a step of a closed incident',
    buildStepCard(makeView({ incident: makeIncident({ status: 'closed' }) }, { state: 'done' })),
  ],
];

export const steps = (['pending', 'awaiting_approval', 'done', 'failed', 'skipped'] as StepState[]).map(
  (state, i) => ({
    step: makeStep({ state, position: i, reason: EVIL, error: failed } as Partial<Step>),
    title: `Step ${i} ${EVIL}`,
    approvals: [approval('UCAROL')],
    needed: 2,
  }),
);

export const OTHER_MESSAGES: [string, SlackMessage][] = [
  [
    'the progress card of an open rehearsal',
    buildProgressCard({
      incident: makeIncident({ rehearsal: true, label: EVIL }),
      steps,
      now: NOW,
      delayedBySlack: true,
    }),
  ],
  [
    'the progress card of a closed incident',
    buildProgressCard({
      incident: makeIncident({ status: 'closed', closedBy: 'UBOB', closedAt: NOW, closeReason: EVIL }),
      steps,
      now: NOW,
    }),
  ],
  ['the reveal message', buildRevealMessage(EVIL, 'pa55-word<&>')],
  ['the reveal message of a value with a backtick', buildRevealMessage('token', 'ab`cd')],
  [
    'the close summary',
    buildCloseSummary({
      incident: makeIncident({ status: 'closed', closedBy: 'UBOB', closedAt: NOW, closeReason: EVIL }),
      markdown:
        'Steps done: 2 of 3; provider changes made: 4\n### 3. Review — Skipped\nAudit chain: verified (12 entries)',
      fileName: 'reclaim-report-20260315-acme.md',
    }),
  ],
  ['a plan thread part', buildPlanThread(makeActions(25, { description: `Disable ${EVIL}` }))[0]!],
  [
    'the incident list',
    buildIncidentList(
      [makeIncident({ label: EVIL }), makeIncident({ status: 'closed', closedBy: 'UBOB' })],
      NOW,
    ),
  ],
  ['the usage message with a problem', buildUsageMessage(`Unknown provider ${EVIL}`)],
  ['a refusal', buildRefusal(EVIL)],
];
