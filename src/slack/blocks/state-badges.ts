import { STATE_LABELS } from '../../domain/step-machine.js';
import type { Risk, Step, StepState } from '../../domain/types.js';

export const STATE_EMOJI: Readonly<Record<StepState, string>> = {
  pending: '⚪',
  discovering: '🔍',
  awaiting_approval: '✋',
  approved: '👍',
  executing: '⚙️',
  done: '✅',
  failed: '❌',
  skipped: '⏭️',
  rejected: '🚫',
};

/** Emoji and words for a step's state; a manual step that is pending is a to-do. */
export function stateBadge(step: Pick<Step, 'state' | 'kind'>): string {
  if (step.kind === 'manual' && step.state === 'pending') return `${stateEmoji(step)} To do (manual)`;
  return `${stateEmoji(step)} ${STATE_LABELS[step.state]}`;
}

export function stateEmoji(step: Pick<Step, 'state' | 'kind'>): string {
  return step.kind === 'manual' && step.state === 'pending' ? '📝' : STATE_EMOJI[step.state];
}

export function riskBadge(risk: Risk): string {
  return risk === 'high' ? '🔴 *High risk*' : '🟡 Normal risk';
}
