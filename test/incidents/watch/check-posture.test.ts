import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../../src/audit/export-audit.js';
import { checkPosture } from '../../../src/incidents/watch/check-posture.js';
import { buildPostureReport } from '../../../src/slack/blocks/build-posture-report.js';
import { mrkdwnOf } from '../../slack/blocks/fixtures.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('the posture check (no incident)', () => {
  it('when the account has risky forwarding, then each risky finding is listed, nothing is written, and the check is audited', async () => {
    const account = new FakeAccount();
    const deps = makeDeps(t, account);
    const out = await checkPosture(deps, { userId: 'UAPPROVER1', label: 'sandbox' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const forwarding = out.report.steps.find((s) => s.stepKey === 'test.disable-forwarding')!;
    expect(forwarding.risky.map((f) => f.resource)).toEqual(['+15550100', '+15550102']);
    expect(account.writes).toEqual([]);
    const text = mrkdwnOf(buildPostureReport(out.report));
    expect(text).toContain('+15550100 → +88216555');
    expect(JSON.stringify(buildPostureReport(out.report).blocks)).toContain('Open an incident from this');
    const audit = await t.db.query<{ action: string; incident_id: string | null }>(
      `SELECT action, incident_id FROM audit_log WHERE action = 'posture.checked'`,
    );
    expect(audit.rows).toEqual([{ action: 'posture.checked', incident_id: null }]);
    expect(await exportAudit(t.db, '00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('when the account is clean, then the check says so and offers no incident', async () => {
    const account = new FakeAccount();
    for (const n of account.forwarding.keys()) account.forwarding.set(n, null);
    const out = await checkPosture(makeDeps(t, account), { userId: 'UAPPROVER1', label: 'sandbox' });
    if (!out.ok) throw new Error(out.message);
    const message = buildPostureReport(out.report);
    expect(mrkdwnOf(message)).toContain('Nothing looks risky');
    expect(JSON.stringify(message.blocks)).not.toContain('posture.open_incident');
  });

  it('when someone who is not an approver asks, or names a connection Reclaim does not hold, then it is refused', async () => {
    const deps = makeDeps(t, new FakeAccount());
    expect(await checkPosture(deps, { userId: 'URESPONDER', label: 'sandbox' })).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
    expect(await checkPosture(deps, { userId: 'UAPPROVER1', label: 'telnyx:nope' })).toMatchObject({
      ok: false,
      code: 'connection_not_found',
    });
  });

  it('when a step cannot read the account, then the check says so instead of calling it clean', async () => {
    const deps = makeDeps(t, new FakeAccount());
    const broken = {
      ...deps,
      playbooks: { ...deps.playbooks, contextFor: () => Promise.reject(new Error('401 refused')) },
    };
    const out = await checkPosture(broken, { userId: 'UAPPROVER1', label: 'sandbox' });
    if (!out.ok) throw new Error(out.message);
    const text = mrkdwnOf(buildPostureReport(out.report));
    expect(text).toContain('could not read the account');
    expect(text).not.toContain('Nothing looks risky');
  });
});
