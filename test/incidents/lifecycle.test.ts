import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { listSteps } from '../../src/db/repos/steps-repo.js';
import type { Step } from '../../src/domain/types.js';
import { closeIncident } from '../../src/incidents/close-incident.js';
import { approveStep, rejectStep } from '../../src/incidents/decide-step.js';
import { retryStep } from '../../src/incidents/retry-step.js';
import { markStepDone, skipStep } from '../../src/incidents/settle-step.js';
import { launchDiscovery, startIncident } from '../../src/incidents/start-incident.js';
import { drainJobs } from '../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let account: FakeAccount;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  account = new FakeAccount();
  deps = makeDeps(t, account);
});
afterEach(() => t.cleanup());

async function openIncident(rehearsal = false) {
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: null,
    rehearsal,
    requestedBy: 'UAPPROVER1',
  });
  await launchDiscovery(deps, incident.id);
  await drainJobs(deps);
  const steps = await listSteps(t.db, incident.id);
  const byKey = (k: string) => steps.find((s) => s.stepKey === k) as Step;
  return {
    incident,
    forwarding: byKey('test.disable-forwarding'),
    manual: byKey('test.change-password'),
    clean: byKey('test.review-nothing'),
  };
}

describe('incident lifecycle', () => {
  it('when an incident starts, then every automated step is discovered and shows a plan awaiting approval', async () => {
    const { forwarding, manual, clean } = await openIncident();
    expect(manual.state).toBe('pending');
    expect(forwarding.state).toBe('awaiting_approval');
    expect(forwarding.planDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(forwarding.findings?.filter((f) => f.suspicious).map((f) => f.resource)).toEqual([
      '+15550100',
      '+15550102',
    ]);
    expect(clean.state).toBe('awaiting_approval');
    expect(account.writes).toEqual([]); // discovery is read-only
  });

  it('when two distinct approvers approve a high-risk plan, then it executes only after the second', async () => {
    const { forwarding } = await openIncident();
    const digest = forwarding.planDigest!;
    const first = await approveStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER2', digest });
    expect(first).toMatchObject({ ok: true, complete: false, needed: 2 });
    expect(await drainJobs(deps)).toEqual([]);
    expect(account.writes).toEqual([]);
    const second = await approveStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER3', digest });
    expect(second).toMatchObject({ ok: true, complete: true, approvers: ['UAPPROVER2', 'UAPPROVER3'] });
    expect(await drainJobs(deps)).toEqual(['step.execute']);
    expect(account.writes).toEqual(['+15550100', '+15550102']);
    const [after] = (await listSteps(t.db, forwarding.incidentId)).filter((s) => s.id === forwarding.id);
    expect(after?.state).toBe('done');
  });

  it.each([
    ['the requester on a high-risk step', 'UAPPROVER1', 'own_request'],
    ['a user who is not an approver', 'URANDOM', 'not_an_approver'],
  ])('when %s approves, then it is refused and the refusal is audited', async (_label, user, code) => {
    const { forwarding, incident } = await openIncident();
    const out = await approveStep(deps, {
      stepId: forwarding.id,
      userId: user,
      digest: forwarding.planDigest!,
    });
    expect(out).toMatchObject({ ok: false, code });
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.at(-1)).toMatchObject({ actor: user, action: 'step.approval_refused', payload: { code } });
  });

  it('when a click carries an old plan digest, then it is refused as stale', async () => {
    const { forwarding } = await openIncident();
    const out = await approveStep(deps, {
      stepId: forwarding.id,
      userId: 'UAPPROVER2',
      digest: 'f'.repeat(64),
    });
    expect(out).toMatchObject({ ok: false, code: 'stale_plan' });
  });

  it('when the same approver clicks twice, then the second click changes nothing', async () => {
    const { forwarding } = await openIncident();
    const digest = forwarding.planDigest!;
    await approveStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER2', digest });
    const again = await approveStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER2', digest });
    expect(again).toMatchObject({ ok: false, code: 'already_decided' });
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM approvals WHERE step_id = $1',
      [forwarding.id],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('when an approver rejects, then the step stops and can be rediscovered', async () => {
    const { forwarding } = await openIncident();
    const out = await rejectStep(deps, {
      stepId: forwarding.id,
      userId: 'UAPPROVER2',
      digest: forwarding.planDigest!,
      reason: 'wrong numbers',
    });
    expect(out).toMatchObject({
      ok: true,
      complete: true,
      step: { state: 'rejected', reason: 'wrong numbers' },
    });
    expect(
      await approveStep(deps, {
        stepId: forwarding.id,
        userId: 'UAPPROVER3',
        digest: forwarding.planDigest!,
      }),
    ).toMatchObject({
      ok: false,
      code: 'step_not_awaiting_approval',
    });
    expect(await retryStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER1' })).toMatchObject({
      ok: true,
      step: { state: 'discovering' },
    });
    await drainJobs(deps);
    const [after] = (await listSteps(t.db, forwarding.incidentId)).filter((s) => s.id === forwarding.id);
    expect(after?.state).toBe('awaiting_approval');
  });

  it('when a step is skipped, then a reason is required and recorded', async () => {
    const { manual } = await openIncident();
    expect(await skipStep(deps, { stepId: manual.id, userId: 'UAPPROVER2', reason: '  ' })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(await skipStep(deps, { stepId: manual.id, userId: 'URANDOM', reason: 'n/a' })).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
    expect(
      await skipStep(deps, { stepId: manual.id, userId: 'UAPPROVER2', reason: 'done by IT' }),
    ).toMatchObject({
      ok: true,
      step: { state: 'skipped', reason: 'done by IT', decidedBy: 'UAPPROVER2' },
    });
  });

  it('when a manual step or an empty plan is marked done, then it records who confirmed it', async () => {
    const { manual, clean, forwarding } = await openIncident();
    expect(await markStepDone(deps, { stepId: manual.id, userId: 'URESPONDER' })).toMatchObject({
      ok: true,
      step: { state: 'done', decidedBy: 'URESPONDER' },
    });
    expect(await markStepDone(deps, { stepId: clean.id, userId: 'UAPPROVER2' })).toMatchObject({
      ok: true,
      step: { state: 'done' },
    });
    expect(await markStepDone(deps, { stepId: forwarding.id, userId: 'UAPPROVER2' })).toMatchObject({
      ok: false,
      code: 'plan_not_empty',
    });
    expect(await markStepDone(deps, { stepId: manual.id, userId: 'UOUTSIDER' })).toMatchObject({ ok: false });
  });

  it('when steps are open, then close refuses unless forced with a reason by an approver', async () => {
    const { incident } = await openIncident();
    expect(
      await closeIncident(deps, { incidentId: incident.id, userId: 'UAPPROVER1', force: false }),
    ).toMatchObject({ ok: false, code: 'steps_open' });
    expect(
      await closeIncident(deps, { incidentId: incident.id, userId: 'UAPPROVER1', force: true }),
    ).toMatchObject({ ok: false, code: 'reason_required' });
    const closed = await closeIncident(deps, {
      incidentId: incident.id,
      userId: 'UAPPROVER1',
      force: true,
      reason: 'handled by phone',
    });
    expect(closed).toMatchObject({
      ok: true,
      incident: { status: 'closed', closeReason: 'handled by phone' },
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('when every step is settled, then close needs no force', async () => {
    const { incident, manual, clean, forwarding } = await openIncident();
    await markStepDone(deps, { stepId: manual.id, userId: 'UAPPROVER1' });
    await markStepDone(deps, { stepId: clean.id, userId: 'UAPPROVER1' });
    await skipStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER2', reason: 'not ours' });
    expect(
      await closeIncident(deps, { incidentId: incident.id, userId: 'UAPPROVER1', force: false }),
    ).toMatchObject({ ok: true });
  });

  it('when a rehearsal runs, then one approval from anyone, requester included, executes a high-risk plan', async () => {
    const { forwarding } = await openIncident(true);
    const out = await approveStep(deps, {
      stepId: forwarding.id,
      userId: 'UAPPROVER1',
      digest: forwarding.planDigest!,
    });
    expect(out).toMatchObject({ ok: true, complete: true, needed: 1 });
    expect(await drainJobs(deps)).toEqual(['step.execute']);
  });

  it('when no approver is configured, then nobody can approve a real incident', async () => {
    deps = makeDeps(t, account, { approverIds: [] });
    const { forwarding } = await openIncident();
    const out = await approveStep(deps, {
      stepId: forwarding.id,
      userId: 'UAPPROVER2',
      digest: forwarding.planDigest!,
    });
    expect(out).toMatchObject({ ok: false, code: 'no_approvers_configured' });
  });
});
