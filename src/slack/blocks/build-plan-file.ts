// The full plan of a big step as a plain-text file: every change on its own numbered line, under the digest the approvals bind.

import { shortDigest } from '../../domain/plan-digest.js';
import type { PlanAction } from '../../domain/types.js';
import { clip } from './mrkdwn.js';
import { countOf, FULL_PLAN_IN_THREAD_MAX, kindCounts } from './plan-counts.js';

const LINE_MAX = 1000;

export interface PlanFile {
  filename: string;
  title: string;
  content: string;
  /** Posted with the file (mrkdwn). */
  comment: string;
}

/** `plan-<step position>-<digest>.txt` for a plan too long for the thread; null for any other. */
export function buildPlanFile(actions: readonly PlanAction[], stepTitle: string): PlanFile | null {
  if (actions.length <= FULL_PLAN_IN_THREAD_MAX) return null;
  const sorted = [...actions].sort((a, b) => a.position - b.position);
  const digest = sorted[0]?.planDigest ?? '';
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const content = [
    `Reclaim plan: ${oneLine(stepTitle)}`,
    `Plan digest (what every approval is bound to): ${digest}`,
    `${countOf(sorted.length, 'change')}: ${kindCounts(sorted, ', ')}`,
    '',
    ...sorted.map((a, i) => `${i + 1}. ${oneLine(a.description).slice(0, LINE_MAX)}`),
    '',
  ].join('\n');
  return {
    filename: fileName(digest),
    title: `Full plan: ${countOf(sorted.length, 'change')}`,
    content,
    comment: `Full plan of *${clip(stepTitle, 150)}*: ${countOf(sorted.length, 'change')}, digest \`${shortDigest(digest)}\`. Approving the step approves exactly this list.`,
  };
}

export function fileName(digest: string): string {
  return `plan-${shortDigest(digest)}.txt`;
}
