import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { listPlanActions } from '../../src/db/repos/plans-repo.js';
import { getStep, listSteps } from '../../src/db/repos/steps-repo.js';
import { EXECUTE_JOB } from '../../src/domain/job-kinds.js';
import { approveStep } from '../../src/incidents/decide-step.js';
import { executeStep } from '../../src/incidents/execute-step.js';
import { retryStep } from '../../src/incidents/retry-step.js';
import { revealCredential } from '../../src/incidents/reveal-credential.js';
import { launchDiscovery, startIncident } from '../../src/incidents/start-incident.js';
import type { Fence } from '../../src/jobs/fence.js';
import { claimJob, enqueueJob } from '../../src/jobs/queue.js';
import type { AutomatedStepDefinition } from '../../src/playbooks/types.js';
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

/** An incident whose forwarding step is approved by two approvers; EXECUTE is queued, not run. */
async function approvedForwarding() {
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'x',
    since: null,
    rehearsal: false,
    requestedBy: 'UREQ',
  });
  await launchDiscovery(deps, incident.id);
  await drainJobs(deps);
  const step = (await listSteps(t.db, incident.id)).find((s) => s.stepKey === 'test.disable-forwarding')!;
  await approveStep(deps, { stepId: step.id, userId: 'UAPPROVER1', digest: step.planDigest! });
  await approveStep(deps, { stepId: step.id, userId: 'UAPPROVER2', digest: step.planDigest! });
  return { incident, step };
}

/** Claims the queued EXECUTE job as a worker would, and returns its claim's fence. */
async function claimQueuedJob(): Promise<Fence> {
  const job = await claimJob(t.db, { workerId: 'test', leaseMs: 60_000 });
  expect(job?.kind).toBe(EXECUTE_JOB);
  return { token: job!.fence!, signal: new AbortController().signal };
}

describe('executeStep', () => {
  it('when one action fails, then the step fails and a retry runs only the actions not done', async () => {
    const { step } = await approvedForwarding();
    account.failNext.add('+15550102');
    await drainJobs(deps);
    const failed = await getStep(t.db, step.id);
    expect(failed).toMatchObject({
      state: 'failed',
      failedPhase: 'execute',
      error: { code: 'actions_failed' },
    });
    expect(failed.error?.message).toContain('provider refused +15550102');
    expect(account.writes).toEqual(['+15550100']);

    expect(await retryStep(deps, { stepId: step.id, userId: 'URANDOM' })).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
    expect(await retryStep(deps, { stepId: step.id, userId: 'UAPPROVER1' })).toMatchObject({
      ok: true,
      step: { state: 'executing' },
    });
    await drainJobs(deps);
    expect(account.writes).toEqual(['+15550100', '+15550102']); // the done action was not repeated
    expect((await getStep(t.db, step.id)).state).toBe('done');
  });

  it('when a crash left an action running, then on resume it is re-checked before any write', async () => {
    const { step } = await approvedForwarding();
    // Simulate a crash after the first write reached the provider but before it was recorded.
    account.forwarding.set('+15550100', null);
    const [first] = await listPlanActions(t.db, step.id, step.planDigest!);
    await t.db.query(`UPDATE plan_actions SET state = 'running', attempts = 1 WHERE id = $1`, [first!.id]);
    await t.db.query(`UPDATE steps SET state = 'executing' WHERE id = $1`, [step.id]);
    await executeStep(deps, step.id, step.planDigest!, await claimQueuedJob());
    expect(account.rechecks).toEqual(['+15550100']);
    expect(account.writes).toEqual(['+15550102']);
    expect((await getStep(t.db, step.id)).state).toBe('done');
  });

  it('when a write times out after it was applied, then it is re-checked and not written twice', async () => {
    const { step } = await approvedForwarding();
    account.timeoutNext.add('+15550102');
    await drainJobs(deps);
    expect(account.writes).toEqual(['+15550100', '+15550102']);
    expect(account.rechecks).toEqual(['+15550102']);
    const actions = await listPlanActions(t.db, step.id, step.planDigest!);
    expect(actions.map((a) => [a.state, a.attempts])).toEqual([
      ['done', 1],
      ['done', 2],
    ]);
  });

  it('when an action is re-checked, then it gets the seed its first attempt had; another action gets another', async () => {
    await approvedForwarding();
    const definition = deps.playbooks.definition('test.disable-forwarding') as AutomatedStepDefinition;
    const execute = vi.spyOn(definition, 'execute');
    account.timeoutNext.add('+15550102');
    await drainJobs(deps);
    const seeds = execute.mock.calls.map(([, a, o]) => [a.target, Buffer.from(o.seed ?? []).toString('hex')]);
    expect(seeds.map(([target]) => target)).toEqual(['+15550100', '+15550102', '+15550102']);
    const [first, second, retried] = seeds.map(([, seed]) => seed);
    expect(second).toHaveLength(64);
    expect(retried).toBe(second);
    expect(first).not.toBe(second);
  });

  it('when execution runs twice for the same digest, then the second run changes nothing', async () => {
    const { step } = await approvedForwarding();
    await drainJobs(deps);
    const again = await enqueueJob(t.db, { kind: 'again' });
    const job = await claimJob(t.db, { workerId: 'test', leaseMs: 60_000 });
    expect(job?.id).toBe(again?.id);
    const fence = { token: job!.fence!, signal: new AbortController().signal };
    expect(await executeStep(deps, step.id, step.planDigest!, fence)).toBe('not_needed');
    expect(account.writes).toHaveLength(2);
  });

  it('when an action generates a credential, then it is sealed, kept out of the audit log and revealed once', async () => {
    const { step, incident } = await approvedForwarding();
    await drainJobs(deps);
    const audit = JSON.stringify(await exportAudit(t.db, incident.id));
    expect(audit).not.toContain('S3cr3t-Value-xyz');
    const [first] = await listPlanActions(t.db, step.id, step.planDigest!);
    const sealed = (first!.result as { sealedSecrets: { id: string }[] }).sealedSecrets;
    expect(sealed).toHaveLength(1);
    const secretId = sealed[0]!.id;
    expect(
      await revealCredential(deps, { incidentId: incident.id, secretId, userId: 'URANDOM' }),
    ).toMatchObject({ ok: false });
    expect(await revealCredential(deps, { incidentId: incident.id, secretId, userId: 'UAPPROVER1' })).toEqual(
      {
        ok: true,
        label: 'pin for +15550100',
        value: 'S3cr3t-Value-xyz',
      },
    );
    expect(
      await revealCredential(deps, { incidentId: incident.id, secretId, userId: 'UAPPROVER2' }),
    ).toMatchObject({
      ok: false,
      code: 'secret_already_revealed',
    });
    const entries = await exportAudit(t.db, incident.id);
    expect(entries.filter((e) => e.action === 'secret.revealed')).toHaveLength(1);
  });
});

describe('executeStep with concurrency', () => {
  it('when a step allows two actions at once, then a slow action does not hold back the next one', async () => {
    const definition = deps.playbooks.definition('test.disable-forwarding') as AutomatedStepDefinition;
    definition.concurrency = 2;
    const { step } = await approvedForwarding();
    let release = () => {};
    account.holdUntil.set('+15550100', new Promise<void>((r) => (release = r)));
    const running = drainJobs(deps);
    await vi.waitFor(() => expect(account.writes).toEqual(['+15550102']), { timeout: 5_000 });
    expect((await getStep(t.db, step.id)).state).toBe('executing');
    release();
    await running;
    expect(account.writes).toEqual(['+15550102', '+15550100']);
    expect((await getStep(t.db, step.id)).state).toBe('done');
  });

  it('when one of the parallel actions fails, then the others still finish and the step fails with that one only', async () => {
    const definition = deps.playbooks.definition('test.disable-forwarding') as AutomatedStepDefinition;
    definition.concurrency = 2;
    const { step } = await approvedForwarding();
    account.failNext.add('+15550100');
    await drainJobs(deps);
    expect(account.writes).toEqual(['+15550102']);
    const failed = await getStep(t.db, step.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toContain('+15550100');
    expect(failed.error?.message).not.toContain('+15550102');
  });
});

describe('failAbandonedStep', () => {
  it('when the EXECUTE job of an approved step dies, then the step fails with a Retry and the reason', async () => {
    const { failAbandonedStep } = await import('../../src/incidents/fail-abandoned-step.js');
    const { step } = await approvedForwarding();
    expect(await failAbandonedStep(deps, step.id, 'execute', 'database went away')).toBe(true);
    const failed = await getStep(t.db, step.id);
    expect(failed).toMatchObject({ state: 'failed', failedPhase: 'execute', error: { code: 'job_failed' } });
    expect(failed.error?.message).toContain('database went away');
    expect(await failAbandonedStep(deps, step.id, 'execute', 'again')).toBe(false);
  });
});
