import { STATE_LABELS } from '../../domain/step-machine.js';
import type { StepCardView } from '../../incidents/views/view-types.js';
import { containmentBlocks } from './containment-blocks.js';
import { fitTextBudget } from './fit-text-budget.js';
import { clip, contextBlock, escapeMrkdwn, headerBlock, sectionBlock, truncate } from './mrkdwn.js';
import { countOf } from './plan-counts.js';
import { LIMITS } from './slack-limits.js';
import { riskBadge, stateBadge } from './state-badges.js';
import { stepCardBody } from './step-card-body.js';
import { mainButtonBlocks, revealBlocks } from './step-card-buttons.js';
import type { Block, SlackMessage } from './types.js';

/**
 * A step's card: title, risk and state, why it matters, then what the state calls for (the plan
 * and its approvals, progress, results, the error, the decision) and the buttons that apply now.
 */
export function buildStepCard(view: StepCardView): SlackMessage {
  const { step, definition, incident } = view;
  const badges = [riskBadge(definition.risk), stateBadge(step)];
  if (incident.rehearsal) badges.push('🧪 *Rehearsal*');
  // Reclaim Local acting on a real provider account: every card of the incident says so.
  if (view.realAccountWarning) badges.push(`⚠️ *Real ${escapeMrkdwn(incident.provider)} account*`);
  if (incident.status === 'closed') badges.push('🔒 Incident closed');
  const blocks: Block[] = [
    headerBlock('header', `${step.position + 1}. ${definition.title}`),
    contextBlock('context', badges),
    sectionBlock('why', `*Why:* ${clip(definition.why, 600)}`),
    ...stepCardBody(view),
    ...containmentBlocks(view),
    ...mainButtonBlocks(view),
  ];
  blocks.push(...revealBlocks(view, LIMITS.blocksPerMessage - blocks.length));
  return { text: fallbackText(view), blocks: fitTextBudget(blocks) };
}

function fallbackText(view: StepCardView): string {
  const { step, definition, actions } = view;
  const title = `${step.position + 1}. ${truncate(definition.title.replace(/\s+/g, ' '), 150)}`;
  const state =
    step.kind === 'manual' && step.state === 'pending' ? 'to do' : STATE_LABELS[step.state].toLowerCase();
  const waiting =
    step.state === 'awaiting_approval' && actions.length > 0
      ? ` (${countOf(actions.length, 'change')} waiting for approval)`
      : '';
  return clip(`${title}: ${state}${waiting}`, 300);
}
