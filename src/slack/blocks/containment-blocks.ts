// A Contain now card once it ran: when the account was contained, and the Restore button.
import { STATE_LABELS } from '../../domain/step-machine.js';
import type { StepCardView } from '../../incidents/views/view-types.js';
import { encodeButtonValue, STEP_ACTION } from './button-value.js';
import { contextBlock, plural, truncate } from './mrkdwn.js';
import { LIMITS } from './slack-limits.js';
import type { Block, Button } from './types.js';

/** `hh:mm:ss` rendered in each reader's time zone, with the UTC time as the fallback. */
function clockTime(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{time_secs}|${date.toISOString().slice(11, 19)} UTC>`;
}

/** The line under a done Contain now card: "Contained at hh:mm:ss, n s after start", or nothing to contain. */
export function containmentBlocks(view: StepCardView): Block[] {
  const c = view.containment;
  if (!c || view.step.state !== 'done') return [];
  if (c.stopped === 0 || !c.containedAt) {
    return [contextBlock('containment', ['Nothing needed containing: nothing was stopped.'])];
  }
  const restore =
    c.restoreState === null
      ? 'Restore puts each back as it was once the clean-up is done.'
      : `Restore: ${STATE_LABELS[c.restoreState].toLowerCase()} (its card is below).`;
  return [
    contextBlock('containment', [
      `🛑 *Contained at ${clockTime(c.containedAt)}, ${c.secondsAfterStart ?? 0} s after start*: ${plural(c.stopped, 'resource')} stopped. ${restore}`,
    ]),
  ];
}

/** Restore… on a done Contain now card that stopped something and has no Restore card yet. */
export function restoreButton(view: StepCardView): Button | null {
  const c = view.containment;
  if (!c || view.step.state !== 'done' || c.stopped === 0 || c.restoreState !== null) return null;
  const text = `This raises a Restore card: it re-reads the ${plural(c.stopped, 'resource')} Contain now stopped and plans to turn back on only what is still stopped and the checklist does not keep stopped. Nothing changes until that plan is approved.`;
  return {
    type: 'button',
    action_id: STEP_ACTION.restore,
    text: { type: 'plain_text', text: 'Restore…', emoji: true },
    value: encodeButtonValue({ stepId: view.step.id, digest: view.step.planDigest ?? '' }),
    confirm: {
      title: {
        type: 'plain_text',
        text: truncate('Put back what Contain now stopped?', LIMITS.confirmTitle),
      },
      text: { type: 'plain_text', text: truncate(text, LIMITS.confirmText) },
      confirm: { type: 'plain_text', text: 'Raise Restore' },
      deny: { type: 'plain_text', text: 'Cancel' },
    },
  };
}
