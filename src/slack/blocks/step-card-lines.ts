import type { Approval, Finding, PlanAction } from '../../domain/types.js';
import type { SecretView } from '../../incidents/views/view-types.js';
import { fileName } from './build-plan-file.js';
import { clip, mentionList, plural, slackDate } from './mrkdwn.js';
import { countOf, formatCount, fullPlanPlace, kindCounts } from './plan-counts.js';

/** How many plan or progress lines a card lists before pointing to the thread. */
export const CARD_PLAN_LINES = 20;
const CARD_FINDING_LINES = 8;
const CARD_SECRET_LINES = 20;
const LINE_MAX = 160;

/** Suspicious findings first, each with why it is marked; the clean ones as a count. */
export function findingLines(findings: Finding[] | null): string[] {
  if (!findings || findings.length === 0) return [];
  const suspicious = findings.filter((f) => f.suspicious);
  const clean = findings.length - suspicious.length;
  const lines = ['*Findings:*'];
  for (const f of suspicious.slice(0, CARD_FINDING_LINES)) {
    const why = f.reasons.length > 0 ? ` — ${clip(f.reasons.join('; '), 120)}` : '';
    lines.push(`⚠️ ${clip(f.summary, 120)}${why}`);
  }
  if (suspicious.length > CARD_FINDING_LINES) {
    lines.push(`…and ${formatCount(suspicious.length - CARD_FINDING_LINES)} more flagged`);
  }
  if (suspicious.length === 0) lines.push(`✓ ${countOf(clean, 'resource')} checked; none look suspicious.`);
  else if (clean > 0)
    lines.push(`✓ ${countOf(clean, 'other resource')} ${clean === 1 ? 'looks' : 'look'} fine.`);
  return lines;
}

/**
 * The plan, one numbered change per line, the first 20 of them; a longer one opens with its
 * counts per kind and ends by saying how many more there are and where they are listed.
 */
export function planLines(actions: PlanAction[]): string[] {
  const sorted = byPosition(actions);
  const lines = [`*Plan — ${countOf(sorted.length, 'change')}:*`];
  if (sorted.length > CARD_PLAN_LINES) lines.push(`By kind: ${clip(kindCounts(sorted), 600)}`);
  sorted.slice(0, CARD_PLAN_LINES).forEach((a, i) => {
    lines.push(`${i + 1}. ${clip(a.description, LINE_MAX)}`);
  });
  if (sorted.length > CARD_PLAN_LINES) lines.push(moreLine(sorted, CARD_PLAN_LINES));
  return lines;
}

/** `…and 9,980 more (full plan in the file plan-1a2b3c4d.txt)` */
function moreLine(sorted: PlanAction[], shown: number): string {
  return `…and ${formatCount(sorted.length - shown)} more (full plan in ${fullPlanWhere(sorted)})`;
}

/** Where the whole plan is listed, as the card says it: `the thread`, `the file plan-1a2b3c4d.txt`. */
export function fullPlanWhere(actions: readonly PlanAction[]): string {
  const place = fullPlanPlace(actions.length, CARD_PLAN_LINES);
  if (place === 'file') return `the file ${fileName(actions[0]?.planDigest ?? '')}`;
  return place === 'thread' ? 'the thread' : 'this card';
}

/** Per-action progress: a count line, then up to 20 actions, failed ones always among them. */
export function progressLines(actions: PlanAction[]): string[] {
  const sorted = byPosition(actions);
  const count = (state: PlanAction['state']) => sorted.filter((a) => a.state === state).length;
  const done = count('done');
  const failed = count('failed');
  const toGo = sorted.length - done - failed;
  const parts = [`${formatCount(done)} of ${formatCount(sorted.length)} done`];
  if (failed > 0) parts.push(`${formatCount(failed)} failed`);
  if (toGo > 0) parts.push(`${formatCount(toGo)} to go`);
  const failedFirst = sorted.filter((a) => a.state === 'failed').slice(0, CARD_PLAN_LINES);
  const others = sorted.filter((a) => a.state !== 'failed').slice(0, CARD_PLAN_LINES - failedFirst.length);
  const shown = new Set([...failedFirst, ...others]);
  const lines = [`*Progress:* ${parts.join(' · ')}`];
  sorted.forEach((a, i) => {
    if (shown.has(a)) lines.push(actionLine(a, i + 1));
  });
  if (sorted.length > shown.size) lines.push(moreLine(sorted, shown.size));
  return lines;
}

function actionLine(a: PlanAction, n: number): string {
  const text = `${n}. ${clip(a.description, LINE_MAX)}`;
  switch (a.state) {
    case 'done':
      return `✅ ${text}${resultSummary(a.result)}`;
    case 'failed':
      return `❌ ${text} — failed: ${clip(a.error?.message ?? 'unknown error', 200)}`;
    case 'running':
      return `🔄 ${text} (running)`;
    default:
      return `⏳ ${text}`;
  }
}

/** Up to three plain values of an action's result, e.g. ` → status: disabled`. */
function resultSummary(result: Record<string, unknown> | null): string {
  if (!result) return '';
  const parts = Object.entries(result)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length > 0 ? ` → ${clip(parts.join(', '), 100)}` : '';
}

/** Who approved so far and how many more are needed. */
export function approvalsLine(approvals: Approval[], needed: number, digest: string | null): string {
  const ids = approverIds(approvals, digest);
  const remaining = Math.max(0, needed - ids.length);
  if (ids.length === 0) {
    if (needed <= 0) return '*Approvals:* none yet.';
    const different = needed > 1 ? ' from different people' : '';
    return `*Approvals:* none yet — ${plural(needed, 'approval')} needed${different}.`;
  }
  const tail = needed <= 0 ? '' : remaining > 0 ? ` — ${remaining} more needed.` : ' — enough to run.';
  return `*Approvals:* ${mentionList(ids)}${tail}`;
}

/** Distinct users who approved; with a digest, only approvals of that plan count. */
export function approverIds(approvals: Approval[], digest: string | null): string[] {
  const current = approvals.filter((a) => a.decision === 'approve' && (!digest || a.planDigest === digest));
  return [...new Set(current.map((a) => a.userId))];
}

/** Each generated credential, by label only, and whether it has been revealed. */
export function secretLines(secrets: SecretView[]): string[] {
  if (secrets.length === 0) return [];
  const lines = ['*New credentials* (shown once, to an approver who clicks Reveal):'];
  for (const s of secrets.slice(0, CARD_SECRET_LINES)) {
    const state = s.revealedAt ? `revealed ${slackDate(s.revealedAt)}` : 'not revealed yet';
    lines.push(`🔑 ${clip(s.label, 80)} — ${state}`);
  }
  if (secrets.length > CARD_SECRET_LINES)
    lines.push(`…and ${formatCount(secrets.length - CARD_SECRET_LINES)} more`);
  return lines;
}

function byPosition(actions: PlanAction[]): PlanAction[] {
  return [...actions].sort((a, b) => a.position - b.position);
}
