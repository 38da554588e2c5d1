import type { Incident } from '../../domain/types.js';
import { clip, contextBlock, mention, plural, sectionBlock, slackDate } from './mrkdwn.js';
import type { SlackMessage } from './types.js';

/** The report's line on credentials wiped at close without a reveal. */
const NEVER_REVEALED =
  /^- (\d+ credentials? (?:was|were) never revealed and (?:was|were) wiped: rotate (?:it|them) again\.)$/m;

/**
 * The short message posted when an incident closes: the counts from the report (steps done and
 * how the others ended, provider changes made, credentials wiped unrevealed, audit chain) and a
 * pointer to the attached file.
 * `markdown` is the report as rendered by incidents/report; what it does not state is left out.
 */
export function buildCloseSummary(input: {
  incident: Incident;
  markdown: string;
  fileName?: string;
}): SlackMessage {
  const { incident, markdown } = input;
  const name = `${incident.provider} ${clip(incident.label, 80)}${incident.rehearsal ? ' (rehearsal)' : ''}`;
  const by = incident.closedBy ? ` by ${mention(incident.closedBy)}` : '';
  const when = incident.closedAt ? ` ${slackDate(incident.closedAt)}` : '';
  const lines = [`🔒 *Incident closed: ${name}*${by}${when}`];
  const totals = /Steps done: (\d+) of (\d+); provider changes made: (\d+)/.exec(markdown);
  if (totals) {
    const others = otherStates(markdown);
    lines.push(
      `*${totals[1]} of ${totals[2]} steps done*${others ? ` (${others})` : ''} · *${plural(Number(totals[3]), 'provider change')} made*`,
    );
  }
  for (const m of markdown.matchAll(
    /^- Time to containment: (\d+) s \(([^:]+): .*?; (restored|NOT restored)/gm,
  )) {
    lines.push(
      m[3] === 'restored'
        ? `🛑 Contained ${m[1]} s after start (${m[2]}), restored since`
        : `⚠️ *Contained ${m[1]} s after start (${m[2]}) and NOT restored*: see the report.`,
    );
  }
  const chain = /Audit chain: (verified \((\d+) entries\)|BROKEN)/.exec(markdown);
  if (chain) {
    lines.push(
      chain[2] !== undefined
        ? `Audit chain verified ✅ (${chain[2]} entries)`
        : '⚠️ *Audit chain BROKEN*: the audit log was altered; see the report.',
    );
  }
  const neverRevealed = NEVER_REVEALED.exec(markdown);
  if (neverRevealed) lines.push(`⚠️ *${neverRevealed[1]}*`);
  if (incident.closeReason) lines.push(`*Closed with steps open:* ${clip(incident.closeReason, 500)}`);
  const file = input.fileName ? ` (\`${clip(input.fileName.replace(/`/g, ''), 100)}\`)` : '';
  return {
    text: `Incident closed: ${name}${totals ? `, ${totals[1]} of ${totals[2]} steps done` : ''}. Full report attached.`,
    blocks: [
      sectionBlock('summary', lines.join('\n')),
      contextBlock('report', [
        `📄 Full report attached${file}: timeline, who approved what, every provider change, what was skipped and why.`,
      ]),
    ],
  };
}

/** "2 skipped, 1 failed" from the report's step headings (`### 3. Title — Skipped`). */
function otherStates(markdown: string): string {
  const counts = new Map<string, number>();
  for (const m of markdown.matchAll(/^### \d+\. .* — ([A-Za-z ]+)$/gm)) {
    const state = m[1]!.trim().toLowerCase();
    if (state !== 'done') counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
}
