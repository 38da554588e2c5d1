import type { AuditEntry } from '../../audit/export-audit.js';
import { formatAnchor } from '../../domain/audit-anchor.js';
import { STATE_LABELS } from '../../domain/step-machine.js';
import type { ReportData, ReportStep } from './load-report.js';
import { renderContainmentLines } from './render-containment.js';
import { renderWatchSection } from './render-watch.js';
import { reportText } from './report-text.js';

export interface RenderOptions {
  /** How a user id is written: `<@U123>` in Slack, `U123` in a file. */
  user(id: string): string;
}

const iso = (d: Date) => d.toISOString();

/** The close report as Markdown: summary, every step, every provider change, the full timeline. */
export function renderReportMarkdown(data: ReportData, opts: RenderOptions): string {
  const { incident } = data;
  const done = data.steps.filter((s) => s.step.state === 'done').length;
  const changes = data.steps.flatMap((s) => s.actions.filter((a) => a.state === 'done'));
  const lines: string[] = [
    `# Incident report: ${incident.provider} ${reportText(incident.label)}${incident.rehearsal ? ' (rehearsal)' : ''}`,
    '',
    `- Incident: ${incident.id}`,
    `- Requested by: ${opts.user(incident.requestedBy)}`,
    ...(incident.connections?.length
      ? [`- Through the connection(s): ${incident.connections.join(', ')}`]
      : []),
    `- Opened: ${iso(incident.createdAt)}`,
    `- Closed: ${incident.closedAt ? iso(incident.closedAt) : 'not yet'}${incident.closedBy ? ` by ${opts.user(incident.closedBy)}` : ''}`,
    ...(incident.closeReason
      ? [`- Closed with open steps, reason: ${reportText(incident.closeReason)}`]
      : []),
    ...(incident.since ? [`- Suspicious window from: ${iso(incident.since)}`] : []),
    ...renderContainmentLines(data.containment ?? []),
    `- Steps done: ${done} of ${data.steps.length}; provider changes made: ${changes.length}`,
    ...(data.wipedSecrets ? [`- ${neverRevealedLine(data.wipedSecrets)}`] : []),
    `- Audit chain: ${data.chain.ok ? `verified (${data.chain.count} entries)` : `BROKEN at entry ${data.chain.brokenAt}: ${data.chain.reason}`}`,
    ...(data.head
      ? [
          `- Audit chain head: ${formatAnchor(data.head)} (check it later: npm run audit:verify -- --anchor ${formatAnchor(data.head)})`,
        ]
      : []),
    `- Report generated: ${iso(data.generatedAt)}`,
    '',
    '## Steps',
  ];
  for (const s of data.steps) lines.push('', ...renderStep(s, opts));
  if (data.watch !== undefined)
    lines.push(...renderWatchSection(data.watch, data.watchAlerts ?? [], opts.user));
  lines.push('', '## Timeline', '', ...data.timeline.map((e) => renderEntry(e, opts)));
  return `${lines.join('\n')}\n`;
}

/** "2 credentials were never revealed and were wiped: rotate them again." */
export function neverRevealedLine(n: number): string {
  return n === 1
    ? '1 credential was never revealed and was wiped: rotate it again.'
    : `${n} credentials were never revealed and were wiped: rotate them again.`;
}

function renderStep(s: ReportStep, opts: RenderOptions): string[] {
  const { step } = s;
  const out = [`### ${step.position + 1}. ${reportText(s.title)} — ${STATE_LABELS[step.state]}`, ''];
  out.push(`- Kind: ${step.kind}, risk: ${step.risk}`);
  if (s.summary) out.push(`- Discovery: ${reportText(s.summary)}`);
  const approvals = s.approvals.filter((a) => a.planDigest === step.planDigest);
  const rounds = new Set(approvals.map((a) => a.round));
  for (const a of approvals) {
    const what = a.decision === 'approve' ? 'Approved' : 'Rejected';
    const round = rounds.size > 1 && a.round !== undefined ? ` in approval round ${a.round}` : '';
    out.push(
      `- ${what} by ${opts.user(a.userId)}${round} at ${iso(a.createdAt)}${a.reason ? ` (${reportText(a.reason)})` : ''}`,
    );
  }
  if (step.state === 'skipped')
    out.push(`- Skipped by ${opts.user(step.decidedBy ?? 'unknown')}: ${reportText(step.reason ?? '')}`);
  if (step.state === 'done' && step.kind === 'manual')
    out.push(`- Confirmed done by ${opts.user(step.decidedBy ?? 'unknown')}`);
  const flagged = (step.findings ?? []).filter((f) => f.suspicious);
  for (const f of flagged)
    out.push(
      `- Flagged: ${reportText(f.summary)}${f.reasons.length ? ` (${reportText(f.reasons.join('; '))})` : ''}`,
    );
  if (step.state === 'done' && step.kind === 'automated' && s.actions.length === 0) {
    const by = opts.user(step.decidedBy ?? 'unknown');
    out.push(
      flagged.length > 0
        ? `- No automated changes; the flagged findings were reviewed by hand; confirmed by ${by}`
        : `- Nothing found to change; confirmed by ${by}`,
    );
  }
  if (step.error) out.push(`- Last error: ${reportText(step.error.message)}`);
  for (const a of s.actions) {
    const mark = a.state === 'done' ? '[x]' : '[ ]';
    const tail =
      a.state === 'failed' && a.error
        ? ` — failed: ${reportText(a.error.message)}`
        : a.state === 'done'
          ? ''
          : ` — ${a.state}`;
    out.push(`- ${mark} ${reportText(a.description)}${tail}`);
  }
  return out;
}

function renderEntry(e: AuditEntry, opts: RenderOptions): string {
  const who = e.actor === 'reclaim' ? 'Reclaim' : opts.user(e.actor);
  const p = e.payload as Record<string, unknown>;
  const detail = [
    p.stepKey ? reportText(String(p.stepKey)) : null,
    p.reason ? `reason: ${reportText(String(p.reason))}` : null,
    p.code ? `code: ${reportText(String(p.code))}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `- ${iso(e.createdAt)} ${who} ${reportText(e.action)}${detail ? ` (${detail})` : ''}`;
}
