import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { closeIncident } from '../../src/incidents/close-incident.js';
import { renderReportMarkdown } from '../../src/incidents/report/render-report.js';
import { revealCredential } from '../../src/incidents/reveal-credential.js';
import { loadReportView } from '../../src/incidents/views/load-report-view.js';
import { buildCloseSummary } from '../../src/slack/blocks/build-close-summary.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { executedForwarding } from './fake-incident.js';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  deps = makeDeps(t, new FakeAccount());
});
afterEach(() => t.cleanup());

const LINE = '1 credential was never revealed and was wiped: rotate it again.';

async function close(incidentId: string) {
  const out = await closeIncident(deps, { incidentId, userId: 'UAPPROVER1', force: true, reason: 'done' });
  if (!out.ok) throw new Error(out.message);
  const markdown = renderReportMarkdown(await loadReportView(deps, incidentId), { user: (id) => id });
  return { out, markdown, summary: JSON.stringify(buildCloseSummary({ incident: out.incident, markdown })) };
}

describe('close wipes the credentials nobody revealed', () => {
  it('when an incident closes with a credential never revealed, then it is wiped, the count audited, and report and summary say to rotate it', async () => {
    const { incident, secretId } = await executedForwarding(deps);
    const { out, markdown, summary } = await close(incident.id);
    expect(out.wipedSecrets).toBe(1);
    const { rows } = await t.db.query<Record<string, unknown>>(
      'SELECT ciphertext, iv, auth_tag, revealed_at, wiped_at FROM sealed_secrets WHERE id = $1',
      [secretId],
    );
    expect(rows[0]).toMatchObject({ ciphertext: null, iv: null, auth_tag: null, revealed_at: null });
    expect(rows[0]?.wiped_at).toBeInstanceOf(Date);
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.find((e) => e.action === 'secrets.wiped_unrevealed')).toMatchObject({
      payload: { count: 1 },
    });
    expect(markdown).toContain(LINE);
    expect(summary).toContain(LINE);
  });

  it('when every credential was revealed before the close, then nothing is wiped and nothing is said', async () => {
    const { incident, secretId } = await executedForwarding(deps);
    await revealCredential(deps, { incidentId: incident.id, secretId, userId: 'UAPPROVER2' });
    const { out, markdown, summary } = await close(incident.id);
    expect(out.wipedSecrets).toBe(0);
    expect(markdown).not.toContain('never revealed');
    expect(summary).not.toContain('never revealed');
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.some((e) => e.action === 'secrets.wiped_unrevealed')).toBe(false);
  });
});
