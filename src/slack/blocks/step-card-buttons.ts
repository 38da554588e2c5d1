import { NOT_CONFIRMED } from '../../incidents/confirm-manual-step.js';
import type { StepCardView } from '../../incidents/views/view-types.js';
import { encodeButtonValue, STEP_ACTION } from './button-value.js';
import { restoreButton } from './containment-blocks.js';
import { contextBlock, truncate } from './mrkdwn.js';
import { countOf } from './plan-counts.js';
import { LIMITS } from './slack-limits.js';
import { fullPlanWhere } from './step-card-lines.js';
import type { Block, Button } from './types.js';

/** Reveal buttons a card shows at once; the next ones appear as these are revealed. */
export const MAX_REVEAL_BUTTONS = 10;

/**
 * The buttons a step card offers in its state. A closed incident's cards have none, and nor does a
 * step that is discovering or executing. The server still checks every click; hiding is a courtesy.
 */
export function mainButtonBlocks(view: StepCardView): Block[] {
  if (view.incident.status === 'closed') return [];
  const main = mainButtons(view);
  return main.length > 0 ? [{ type: 'actions', block_id: 'buttons', elements: main }] : [];
}

/**
 * One actions block per credential still to reveal (action ids must be unique within a block),
 * at most `room` of them; a context line says when more are waiting.
 */
export function revealBlocks(view: StepCardView, room: number): Block[] {
  if (!canReveal(view)) return [];
  const waiting = view.secrets.filter((s) => s.revealedAt === null);
  let shown = Math.min(waiting.length, MAX_REVEAL_BUTTONS, room);
  if (shown < waiting.length) shown = Math.max(0, Math.min(shown, room - 1));
  const digest = view.step.planDigest ?? '';
  const blocks: Block[] = waiting.slice(0, shown).map((s, i) => ({
    type: 'actions',
    block_id: `reveal-${i + 1}`,
    elements: [
      {
        type: 'button',
        action_id: STEP_ACTION.reveal,
        text: {
          type: 'plain_text',
          text: truncate(`Reveal ${s.label.replace(/\s+/g, ' ')}`, LIMITS.buttonText),
        },
        value: encodeButtonValue({ stepId: view.step.id, digest, secretId: s.id }),
      },
    ],
  }));
  if (shown < waiting.length && room > shown) {
    const more = waiting.length - shown;
    blocks.push(
      contextBlock('reveal-more', [
        `${more === 1 ? '1 more credential gets' : `${more} more credentials get`} a Reveal button as these are revealed.`,
      ]),
    );
  }
  return blocks;
}

/** Whether the card can show Reveal buttons: not while the step is running. */
export function canReveal(view: StepCardView): boolean {
  return (
    view.incident.status === 'open' && !['approved', 'executing', 'discovering'].includes(view.step.state)
  );
}

function mainButtons(view: StepCardView): Button[] {
  const { step, actions } = view;
  const value = encodeButtonValue({ stepId: step.id, digest: step.planDigest ?? '' });
  const button = (actionId: string, text: string, style?: 'primary' | 'danger'): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  });
  const skip = button(STEP_ACTION.skip, 'Skip…');
  const rediscover = button(STEP_ACTION.rediscover, 'Rediscover');
  if (step.kind === 'manual') {
    if (step.state !== 'pending') return [];
    const link = linkButton(view, value);
    // After a check the provider could not answer, Mark done offers to check again.
    const retry = step.error !== null && step.error.code !== NOT_CONFIRMED;
    const giveKey = view.connectionKey ? [button(STEP_ACTION.giveKey, 'Give Reclaim the new key')] : [];
    const done = button(STEP_ACTION.done, retry ? 'Retry' : 'Mark done', 'primary');
    return [...(link ? [link] : []), ...giveKey, done, skip];
  }
  switch (step.state) {
    case 'awaiting_approval': {
      if (actions.length === 0) return [button(STEP_ACTION.done, 'Mark done', 'primary'), skip, rediscover];
      const approve = button(STEP_ACTION.approve, `Approve ${countOf(actions.length, 'change')}`, 'primary');
      // Contain now stops the account's traffic: it is confirmed as a high-risk plan is.
      if (step.risk === 'high' || view.containment) approve.confirm = approveConfirm(view);
      return [approve, button(STEP_ACTION.reject, 'Reject', 'danger'), skip, rediscover];
    }
    case 'failed':
      return [button(STEP_ACTION.retry, 'Retry', 'primary'), skip];
    case 'rejected':
      return [rediscover, skip];
    case 'done': {
      const restore = restoreButton(view);
      return restore ? [restore] : [];
    }
    default:
      return [];
  }
}

function approveConfirm(view: StepCardView): NonNullable<Button['confirm']> {
  const n = view.actions.length;
  const where = view.incident.rehearsal
    ? `the simulated ${view.incident.provider} account (rehearsal)`
    : `your live ${view.incident.provider} account`;
  const others = view.needed > 1 ? ` It runs once ${view.needed} different people have approved.` : '';
  const shown = fullPlanWhere(view.actions);
  const plan = shown === 'this card' ? 'the plan on this card' : `the plan listed in full in ${shown}`;
  const text = `This makes ${countOf(n, 'change')} to ${where}: exactly ${plan}, nothing else.${others}`;
  return {
    title: { type: 'plain_text', text: truncate(`Approve ${countOf(n, 'change')}?`, LIMITS.confirmTitle) },
    text: { type: 'plain_text', text: truncate(text, LIMITS.confirmText) },
    confirm: { type: 'plain_text', text: 'Approve' },
    deny: { type: 'plain_text', text: 'Cancel' },
    style: 'danger',
  };
}

function linkButton(view: StepCardView, value: string): Button | null {
  const link = view.definition.link;
  if (!link || !/^https?:\/\//i.test(link.url) || link.url.length > 3000) return null;
  return {
    type: 'button',
    action_id: STEP_ACTION.link,
    text: { type: 'plain_text', text: truncate(link.label || 'Open', LIMITS.buttonText), emoji: true },
    url: link.url,
    value,
  };
}
