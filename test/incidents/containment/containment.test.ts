import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../../src/audit/export-audit.js';
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import { CONTAIN_DISCOVER_JOB, DISCOVER_JOB } from '../../../src/domain/job-kinds.js';
import type { Step } from '../../../src/domain/types.js';
import { closeIncident } from '../../../src/incidents/close-incident.js';
import { requestRestore } from '../../../src/incidents/containment/request-restore.js';
import { approveStep } from '../../../src/incidents/decide-step.js';
import { loadReport } from '../../../src/incidents/report/load-report.js';
import { renderReportMarkdown } from '../../../src/incidents/report/render-report.js';
import { startIncident } from '../../../src/incidents/start-incident.js';
import { loadStepView } from '../../../src/incidents/views/load-step-view.js';
import { CONTAIN_NOW, RESTORE_CONTAINED } from '../../../src/playbooks/telnyx/index.js';
import { harness, runtimeFor, SINCE } from '../../playbooks/telnyx/telnyx-kit.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

async function opened() {
  const h = harness();
  const deps = makeDeps(t, new FakeAccount(), { playbooks: runtimeFor(h) });
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: SINCE,
    rehearsal: false,
    requestedBy: 'UAPPROVER1',
  });
  const step = async (key: string): Promise<Step> => {
    const found = (await listSteps(t.db, incident.id)).find((s) => s.stepKey === key);
    if (!found) throw new Error(`no step ${key}`);
    return found;
  };
  return { h, deps, incident, step };
}

async function containNow(o: Awaited<ReturnType<typeof opened>>) {
  await drainJobs(o.deps);
  const contain = await o.step(CONTAIN_NOW);
  const out = await approveStep(o.deps, {
    stepId: contain.id,
    userId: 'UAPPROVER2',
    digest: contain.planDigest ?? '',
  });
  expect(out.ok && out.complete).toBe(true);
  await drainJobs(o.deps);
  return o.step(CONTAIN_NOW);
}

describe('Contain now in an incident', () => {
  it('when an incident starts, then only Contain now is queued at once, in its own lane, before any card or other discovery', async () => {
    const o = await opened();
    const { rows } = await t.db.query<{ kind: string; payload: { stepId: string } }>(
      'SELECT kind, payload FROM jobs ORDER BY id',
    );
    const contain = await o.step(CONTAIN_NOW);
    expect(contain.position).toBe(0);
    expect(rows).toEqual([{ kind: CONTAIN_DISCOVER_JOB, payload: { stepId: contain.id } }]);
    expect(rows.some((r) => r.kind === DISCOVER_JOB)).toBe(false);
  });

  it('when one approver approves it, then every profile is disabled and the card says when, how long after the start, and offers Restore', async () => {
    const o = await opened();
    const done = await containNow(o);
    expect(done.state).toBe('done');
    expect(o.h.sim.state.outboundVoiceProfiles.every((p) => p.enabled === false)).toBe(true);
    expect(o.h.sim.state.messagingProfiles.every((p) => p.enabled === false)).toBe(true);
    const view = await loadStepView(o.deps, done.id, { now: new Date(), realAccountWarnings: false });
    const stopped = o.h.sim.state.outboundVoiceProfiles.length + o.h.sim.state.messagingProfiles.length;
    expect(view.containment).toMatchObject({ stopped, restoreState: null });
    expect(view.containment?.containedAt?.getTime()).toBeGreaterThanOrEqual(o.incident.createdAt.getTime());
    expect(view.containment?.secondsAfterStart).toBeGreaterThanOrEqual(0);
  });

  it('when someone who is not an approver presses Restore, then it is refused and nothing is raised', async () => {
    const o = await opened();
    const done = await containNow(o);
    const out = await requestRestore(o.deps, { userId: 'URESPONDER', stepId: done.id });
    expect(out).toMatchObject({ ok: false, code: 'not_an_approver' });
    expect((await listSteps(t.db, o.incident.id)).some((s) => s.stepKey === RESTORE_CONTAINED)).toBe(false);
  });

  it('when Restore is pressed before Contain now ran, then it is refused', async () => {
    const o = await opened();
    const contain = await o.step(CONTAIN_NOW);
    expect(await requestRestore(o.deps, { userId: 'UAPPROVER2', stepId: contain.id })).toMatchObject({
      ok: false,
      code: 'restore_not_ready',
    });
  });

  it('when the incident would close with the account still contained, then it is refused with Restore named', async () => {
    const o = await opened();
    await containNow(o);
    const out = await closeIncident(o.deps, {
      userId: 'UAPPROVER1',
      incidentId: o.incident.id,
      force: false,
    });
    expect(out).toMatchObject({ ok: false, code: 'steps_open' });
    expect(out.ok ? '' : out.message).toMatch(/Contain now still holds the account stopped: press Restore/);
  });

  it('when an approver presses Restore and approves its plan, then exactly the stopped profiles are enabled again, audited, and the report says the time to containment', async () => {
    const o = await opened();
    const done = await containNow(o);
    const raised = await requestRestore(o.deps, { userId: 'UAPPROVER2', stepId: done.id });
    expect(raised.ok).toBe(true);
    expect(await requestRestore(o.deps, { userId: 'UAPPROVER2', stepId: done.id })).toMatchObject({
      ok: false,
      code: 'restore_already_raised',
    });
    await drainJobs(o.deps);
    const restore = await o.step(RESTORE_CONTAINED);
    expect(restore.state).toBe('awaiting_approval');
    const stopped = o.h.sim.state.outboundVoiceProfiles.length + o.h.sim.state.messagingProfiles.length;
    const view = await loadStepView(o.deps, restore.id, { now: new Date(), realAccountWarnings: false });
    expect(view.actions).toHaveLength(stopped);
    const out = await approveStep(o.deps, {
      stepId: restore.id,
      userId: 'UAPPROVER3',
      digest: restore.planDigest ?? '',
    });
    expect(out.ok && out.complete).toBe(true);
    await drainJobs(o.deps);
    expect((await o.step(RESTORE_CONTAINED)).state).toBe('done');
    expect(o.h.sim.state.outboundVoiceProfiles.every((p) => p.enabled !== false)).toBe(true);
    expect(o.h.sim.state.messagingProfiles.every((p) => p.enabled !== false)).toBe(true);
    const audit = (await exportAudit(t.db, o.incident.id)).map((e) => e.action);
    expect(audit).toContain('containment.restore_requested');
    const report = renderReportMarkdown(await loadReport(t.db, o.incident.id, (k) => k, new Date()), {
      user: (id) => id,
    });
    expect(report).toMatch(
      new RegExp(
        `- Time to containment: \\d+ s \\(${CONTAIN_NOW}: ${stopped} stopped by .*; restored: ${stopped} put back\\)`,
      ),
    );
  });
});
