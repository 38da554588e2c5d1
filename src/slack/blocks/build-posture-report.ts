/** The answer to `/compromise check`: one screen of what looks risky on an account, no incident needed. */
import type { PostureReport } from '../../incidents/watch/check-posture.js';
import { clip, contextBlock, escapeMrkdwn, headerBlock, plural, sectionBlock, slackDate } from './mrkdwn.js';
import type { Block, SlackMessage } from './types.js';

const SHOWN_PER_STEP = 3;
export const OPEN_FROM_CHECK = 'posture.open_incident';

/**
 * Risky steps first, each with its first findings (escaped: resource names are the account's text,
 * maybe the attacker's); the clean ones in one line; a step that could not read the account says
 * so (never "clean"). With something risky, a button opens an incident on the same connection.
 */
export function buildPostureReport(report: PostureReport): SlackMessage {
  const risky = report.steps.filter((s) => s.risky.length > 0);
  const unreadable = report.steps.filter((s) => s.error);
  const clean = report.steps.filter((s) => s.risky.length === 0 && !s.error);
  const total = risky.reduce((n, s) => n + s.risky.length, 0);
  const where = report.rehearsal ? 'the simulated sandbox account' : `\`${report.label}\``;
  const blocks: Block[] = [
    headerBlock('posture-header', `Posture check: ${clip(report.label, 100)}`),
    contextBlock('posture-context', [
      `Read-only, ${slackDate(report.checkedAt)}, on ${where}; nothing was changed.`,
    ]),
  ];
  if (risky.length === 0 && unreadable.length === 0) {
    blocks.push(
      sectionBlock(
        'posture-clean',
        `✅ *Nothing looks risky*: ${plural(report.steps.length, 'check')} found nothing to flag.`,
      ),
    );
  }
  for (const [i, s] of risky.entries()) {
    const lines = s.risky
      .slice(0, SHOWN_PER_STEP)
      .map(
        (f) =>
          `• ${escapeMrkdwn(clip(f.summary, 180))}${f.reasons[0] ? ` — ${escapeMrkdwn(clip(f.reasons[0], 120))}` : ''}`,
      );
    if (s.risky.length > SHOWN_PER_STEP) lines.push(`• …and ${s.risky.length - SHOWN_PER_STEP} more`);
    blocks.push(
      sectionBlock(
        `posture-risky-${i}`,
        `⚠️ *${escapeMrkdwn(clip(s.title, 150))}*: ${plural(s.risky.length, 'finding')}\n${lines.join('\n')}`,
      ),
    );
  }
  for (const [i, s] of unreadable.entries()) {
    blocks.push(
      sectionBlock(
        `posture-error-${i}`,
        `❓ *${escapeMrkdwn(clip(s.title, 150))}*: could not read the account (${escapeMrkdwn(clip(s.error ?? '', 200))})`,
      ),
    );
  }
  if (clean.length > 0) {
    blocks.push(
      contextBlock('posture-ok', [
        `✅ Nothing flagged by: ${clip(clean.map((s) => s.title).join(' · '), 2500)}`,
      ]),
    );
  }
  if (total > 0) {
    blocks.push({
      type: 'actions',
      block_id: 'posture-actions',
      elements: [
        {
          type: 'button',
          action_id: OPEN_FROM_CHECK,
          style: 'danger',
          text: { type: 'plain_text', text: 'Open an incident from this' },
          value: report.label,
        },
      ],
    });
  }
  const text =
    total > 0
      ? `Posture check of ${report.label}: ${plural(total, 'risky finding')}`
      : `Posture check of ${report.label}: nothing looks risky`;
  return { text, blocks };
}
