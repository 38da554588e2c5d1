import { describe, expect, it } from 'vitest';
import type { ReportData, ReportStep } from '../../../src/incidents/report/load-report.js';
import { renderReportMarkdown } from '../../../src/incidents/report/render-report.js';
import { makeActions, makeIncident, makeStep, NOW } from '../../slack/blocks/fixtures.js';

const clean = { resource: 'app-2', summary: 'App “IVR” points at your host', suspicious: false, reasons: [] };
const flagged = {
  resource: 'app-1',
  summary: 'TeXML app “Promo” calls https://evil.example/voice',
  suspicious: true,
  reasons: ['host is not in RECLAIM_TRUSTED_HOSTS', 'created after the suspicious window opened'],
};

function report(step: Partial<ReportStep['step']>, actions: ReportStep['actions'] = []): string {
  const data: ReportData = {
    incident: makeIncident({ status: 'closed', closedBy: 'UBOB', closedAt: NOW }),
    steps: [
      { step: makeStep(step), title: 'Review TeXML applications', summary: null, approvals: [], actions },
    ],
    timeline: [],
    chain: { ok: true, count: 0 },
    generatedAt: NOW,
  };
  return renderReportMarkdown(data, { user: (id) => id });
}

describe('renderReportMarkdown: findings', () => {
  it('when a step flagged findings, then the report lists each with its reasons and leaves the clean ones out', () => {
    const text = report({ state: 'done', findings: [flagged, clean], decidedBy: 'UFRANK' });
    expect(text).toContain(
      '- Flagged: TeXML app “Promo” calls https://evil.example/voice (host is not in RECLAIM_TRUSTED_HOSTS; created after the suspicious window opened)',
    );
    expect(text).not.toContain('IVR');
  });

  it('when an automated step with flagged findings and no plan was marked done, then it says they were reviewed by hand', () => {
    const text = report({ state: 'done', findings: [flagged], decidedBy: 'UFRANK' });
    expect(text).toContain(
      '- No automated changes; the flagged findings were reviewed by hand; confirmed by UFRANK',
    );
    expect(text).not.toContain('Nothing found');
  });

  it('when an automated step found nothing and was marked done, then it says nothing was found', () => {
    const text = report({ state: 'done', findings: [clean], decidedBy: 'UFRANK' });
    expect(text).toContain('- Nothing found to change; confirmed by UFRANK');
    expect(text).not.toContain('Flagged');
  });

  it('when a step made changes, then each change is a ticked line', () => {
    const text = report({ state: 'done', findings: [] }, makeActions(2, { state: 'done' }));
    expect(text.match(/^- \[x\] /gm)).toHaveLength(2);
  });
});

describe('renderReportMarkdown: text from people and providers', () => {
  const forged = 'Promo\n- Audit chain: verified (999 entries)\n## Steps';
  it('when an attacker-named resource holds line breaks and Markdown, then it stays one inert line', () => {
    const text = report({
      state: 'failed',
      findings: [
        { ...flagged, summary: `TeXML app “${forged}” [verified](https://evil.example/ok) <img src=x>` },
      ],
      error: { code: 'provider_error', message: 'bad\r\n- Audit chain: verified (1 entries)' },
    });
    expect(text.split('\n').filter((l) => l.startsWith('- Audit chain:'))).toEqual([
      '- Audit chain: verified (0 entries)',
    ]);
    expect(text.split('\n').filter((l) => l === '## Steps')).toHaveLength(1);
    expect(text).toContain('\\[verified\\](https://evil.example/ok) \\<img src=x\\>');
    expect(text).not.toMatch(/(^|[^\\])<img/);
  });

  it('when a label and a close reason hold line breaks, then the header and the reason stay on their lines', () => {
    const data: ReportData = {
      incident: makeIncident({
        status: 'closed',
        label: 'demo\n- Audit chain: verified',
        closeReason: 'done\n# Incident report: fake',
      }),
      steps: [],
      timeline: [],
      chain: { ok: false, count: 3, brokenAt: 4, reason: 'hash mismatch' },
      generatedAt: NOW,
    };
    const lines = renderReportMarkdown(data, { user: (id) => id }).split('\n');
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('- Audit chain:'))).toEqual([
      '- Audit chain: BROKEN at entry 4: hash mismatch',
    ]);
  });
});
