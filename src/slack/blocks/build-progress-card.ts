import type { ProgressCardView, ProgressStepView } from '../../incidents/views/view-types.js';
import { fitTextBudget } from './fit-text-budget.js';
import { formatElapsed } from './format-elapsed.js';
import {
  clip,
  contextBlock,
  headerBlock,
  mention,
  mentionList,
  sectionBlock,
  sectionBlocks,
  slackDate,
} from './mrkdwn.js';
import { stateEmoji } from './state-badges.js';
import { approverIds } from './step-card-lines.js';
import type { SlackMessage } from './types.js';
import { watchLine } from './watch-line.js';

/** Total characters the step lines may use, shared out between the steps. */
const STEP_LINES_BUDGET = 7000;
const MAX_LINE = 300;

/**
 * The pinned progress card: how many steps are settled (done or skipped, both named), one line per
 * step with who approved, who is still needed, who skipped or what failed, and how long the
 * incident has been open, or who closed it and when.
 */
export function buildProgressCard(view: ProgressCardView): SlackMessage {
  const { incident, steps, now } = view;
  const done = steps.filter((s) => s.step.state === 'done').length;
  const skipped = steps.filter((s) => s.step.state === 'skipped').length;
  const title = `Compromise response: ${incident.provider} ${incident.label.replace(/\s+/g, ' ')}`;
  const context: string[] = [];
  if (incident.rehearsal) context.push('🧪 *Rehearsal* (simulated account)');
  if (incident.connections?.length)
    context.push(`Through ${incident.connections.map((c) => `\`${c}\``).join(' + ')}`);
  context.push(`Opened by ${mention(incident.requestedBy)} ${slackDate(incident.createdAt)}`);
  if (incident.status === 'closed') {
    const by = incident.closedBy ? ` by ${mention(incident.closedBy)}` : '';
    const at = incident.closedAt ?? now;
    context.push(`🔒 *Closed*${by} ${slackDate(at)}, after ${formatElapsed(incident.createdAt, at)}`);
  } else {
    context.push(`open ${formatElapsed(incident.createdAt, now)}`);
  }
  if (view.delayedBySlack) context.push('⏳ Slack is slowing our updates down; this card may lag a little.');
  const settled = done + skipped;
  const counts = `*${settled} of ${steps.length} steps settled* — ${done} done, ${skipped} skipped`;
  const blocks = [
    headerBlock('header', title),
    contextBlock('context', context),
    sectionBlock('counts', counts),
  ];
  if (incident.status === 'closed' && incident.closeReason) {
    blocks.push(sectionBlock('close-reason', `*Closed with steps open:* ${clip(incident.closeReason, 500)}`));
  }
  if (view.watch) blocks.push(sectionBlock('watch', watchLine(view.watch)));
  const lineMax = Math.min(MAX_LINE, Math.floor(STEP_LINES_BUDGET / Math.max(1, steps.length)));
  const lines = steps.map((s, i) => stepLine(s, i + 1, lineMax));
  if (lines.length > 0) blocks.push(...sectionBlocks('steps', lines));
  const text = `${clip(title, 200)}: ${settled} of ${steps.length} steps settled (${done} done, ${skipped} skipped)${incident.status === 'closed' ? ', closed' : ''}`;
  return { text, blocks: fitTextBudget(blocks) };
}

function stepLine({ step, title, approvals, needed }: ProgressStepView, n: number, max: number): string {
  const head = `${stateEmoji(step)} ${n}. ${clip(title, Math.floor(max / 2))}`;
  const detail = stepDetail({ step, title, approvals, needed }, Math.max(40, max - head.length - 3));
  return `${head} — ${detail}`;
}

function stepDetail({ step, approvals, needed }: ProgressStepView, max: number): string {
  const ids = approverIds(approvals, step.planDigest);
  const approvedBy = ids.length > 0 ? `approved by ${mentionList(ids, 3)}` : '';
  const reason = (r: string | null) => (r ? `: ${clip(r, Math.max(20, max - 40))}` : '');
  const who = step.decidedBy ? ` by ${mention(step.decidedBy)}` : '';
  switch (step.state) {
    case 'pending':
      return step.kind === 'manual' ? 'to do (manual)' : 'waiting to discover';
    case 'discovering':
      return 'discovering…';
    case 'awaiting_approval': {
      const remaining = Math.max(0, needed - ids.length);
      const waiting =
        remaining > 0 ? `waiting on ${remaining} more approver${remaining === 1 ? '' : 's'}` : 'ready to run';
      return approvedBy ? `${approvedBy}; ${waiting}` : waiting;
    }
    case 'approved':
      return `${approvedBy || 'approved'}; starting`;
    case 'executing':
      return `${approvedBy || 'approved'}; executing`;
    case 'done':
      if (step.kind === 'manual') return `marked done${who}`;
      return approvedBy ? `done, ${approvedBy}` : `done${who}`;
    case 'failed':
      return `failed: ${clip(step.error?.message ?? 'unknown error', Math.max(20, max - 10))}`;
    case 'skipped':
      return `skipped${who}${reason(step.reason)}`;
    case 'rejected':
      return `rejected${who}${reason(step.reason)}`;
  }
}
