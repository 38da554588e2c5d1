// executeStep under a fencing token: a claim that no longer holds its job begins, writes and finishes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { listPlanActions } from '../../src/db/repos/plans-repo.js';
import { getStep } from '../../src/db/repos/steps-repo.js';
import { executeStep } from '../../src/incidents/execute-step.js';
import type { Fence } from '../../src/jobs/fence.js';
import { claimJob } from '../../src/jobs/queue.js';
import { expireLease } from '../jobs/job-test-helpers.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { type ApprovedStep, approvedForwardingStep } from './approved-step-fixture.js';

let t: TestDb;
let account: FakeAccount;
let deps: ReturnType<typeof makeDeps>;
let step: ApprovedStep;
beforeEach(async () => {
  t = await createTestDb();
  account = new FakeAccount();
  deps = makeDeps(t, account);
  step = await approvedForwardingStep(t.db, account);
});
afterEach(() => t.cleanup());

/** Claims the step's EXECUTE job as worker `workerId` (its lease ended by hand first, if held). */
async function claimAs(workerId: string, signal = new AbortController().signal): Promise<Fence> {
  await expireLease(t.db, step.jobId);
  const job = await claimJob(t.db, { workerId, leaseMs: 60_000 });
  expect(job?.id).toBe(step.jobId);
  return { token: job!.fence!, signal };
}

const audited = async () => (await exportAudit(t.db, step.incidentId)).map((e) => e.action);
const execute = (fence: Fence) => executeStep(deps, step.stepId, step.digest, fence);

describe('executeStep under a fencing token', () => {
  it('when the claim is stale, then it neither begins the step nor writes', async () => {
    const stale = await claimAs('A');
    await claimAs('B');
    await expect(execute(stale)).rejects.toMatchObject({ code: 'job_lease_lost' });
    expect((await getStep(t.db, step.stepId)).state).toBe('approved');
    expect(account.writes).toEqual([]);
    expect(await audited()).toEqual([]);
  });

  it('when the claim is stale and the step is already executing, then it does not resume it', async () => {
    const stale = await claimAs('A');
    await t.db.query(`UPDATE steps SET state = 'executing' WHERE id = $1`, [step.stepId]);
    await claimAs('B');
    await expect(execute(stale)).rejects.toMatchObject({ code: 'job_lease_lost' });
    expect(account.writes).toEqual([]);
    expect(account.rechecks).toEqual([]);
    const actions = await listPlanActions(t.db, step.stepId, step.digest);
    expect(actions.map((a) => [a.state, a.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('when the worker was told to stop, then no write starts', async () => {
    const controller = new AbortController();
    const fence = await claimAs('A', controller.signal);
    controller.abort(new Error('worker stopping'));
    await expect(execute(fence)).rejects.toThrow('worker stopping');
    expect((await getStep(t.db, step.stepId)).state).toBe('approved');
    expect(account.writes).toEqual([]);
  });

  it('when the job is taken over after the last write was recorded, then the stale run does not finish the step', async () => {
    const fence = await claimAs('A');
    // B takes the job over just before A's next transaction once both actions are recorded: the step's end.
    let takenOver = false;
    const allDone = async () =>
      (await listPlanActions(t.db, step.stepId, step.digest)).every((a) => a.state === 'done');
    const staleDeps = makeDeps(t, account, {
      db: {
        ...t.db,
        transaction: async (fn) => {
          if (!takenOver && (await allDone())) {
            takenOver = true;
            await claimAs('B');
          }
          return t.db.transaction(fn);
        },
      },
    });
    await expect(executeStep(staleDeps, step.stepId, step.digest, fence)).rejects.toMatchObject({
      code: 'job_lease_lost',
    });
    expect(takenOver).toBe(true);
    expect(account.writes).toEqual(['+15550100', '+15550102']);
    expect((await getStep(t.db, step.stepId)).state).toBe('executing');
    expect(await audited()).toEqual(['step.execution_started', 'action.done', 'action.done']);
    // B resumes the step and finishes it without writing again.
    await expect(execute(await claimAs('B2'))).resolves.toBe('done');
    expect(account.writes).toEqual(['+15550100', '+15550102']);
    expect(await audited()).toEqual([
      'step.execution_started',
      'action.done',
      'action.done',
      'step.executed',
    ]);
  });
});
