// The compare-and-set on plan actions: claimed and finished only under the job's current fencing token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishAction, listPlanActions, startAction } from '../../src/db/repos/plans-repo.js';
import { claimJob, enqueueJob } from '../../src/jobs/queue.js';
import { type ApprovedStep, approvedForwardingStep } from '../incidents/approved-step-fixture.js';
import { expireLease } from '../jobs/job-test-helpers.js';
import { FakeAccount } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let step: ApprovedStep;
beforeEach(async () => {
  t = await createTestDb();
  step = await approvedForwardingStep(t.db, new FakeAccount());
});
afterEach(() => t.cleanup());

/** Claims the step's EXECUTE job (again, once its lease expired) and returns that claim's token. */
async function claimExecute(workerId: string): Promise<number> {
  const job = await claimJob(t.db, { workerId, leaseMs: 60_000 });
  expect(job?.id).toBe(step.jobId);
  return job!.fence!;
}

/** The first worker's claim went stale: its lease ran out and a second worker claimed the job. */
async function staleAndCurrent(): Promise<{ stale: number; current: number }> {
  const stale = await claimExecute('A');
  await expireLease(t.db, step.jobId);
  return { stale, current: await claimExecute('B') };
}

const claim = (id: number, token: number) => t.db.transaction((tx) => startAction(tx, id, token));
const done = { state: 'done' as const, result: { forwarding: 'off' } };

async function row(id: number) {
  const { rows } = await t.db.query<{
    state: string;
    attempts: number;
    fence: number | null;
    result: unknown;
  }>('SELECT state, attempts, fence, result FROM plan_actions WHERE id = $1', [id]);
  return rows[0]!;
}

describe('plan actions under fencing tokens', () => {
  it('when an action is done, then no token claims it again and it is never set back to running', async () => {
    const { id } = step.actions[0]!;
    const a = await claimExecute('A');
    expect(await claim(id, a)).toEqual({ claimed: true, previous: 'pending' });
    expect(await finishAction(t.db, id, a, done)).toBe(true);

    expect(await claim(id, a)).toEqual({ claimed: false, reason: 'done' });
    await expireLease(t.db, step.jobId);
    const b = await claimExecute('B');
    expect(await claim(id, b)).toEqual({ claimed: false, reason: 'done' });
    expect(await finishAction(t.db, id, b, { state: 'failed', error: { code: 'x', message: 'late' } })).toBe(
      false,
    );
    expect(await row(id)).toMatchObject({
      state: 'done',
      attempts: 1,
      fence: a,
      result: { forwarding: 'off' },
    });
  });

  it('when the job was claimed again, then the stale token can neither finish nor claim; the new one re-claims it', async () => {
    const { id } = step.actions[0]!;
    const a = await claimExecute('A');
    expect(await claim(id, a)).toEqual({ claimed: true, previous: 'pending' });
    await expireLease(t.db, step.jobId);
    const b = await claimExecute('B');
    expect(b).toBeGreaterThan(a);

    // The action still carries A's token, but A's token no longer holds the job.
    expect(await finishAction(t.db, id, a, done)).toBe(false);
    expect(await claim(id, a)).toEqual({ claimed: false, reason: 'stale' });
    expect(await row(id)).toMatchObject({ state: 'running', attempts: 1, fence: a, result: null });

    // B takes it over and is told it was running (so it re-checks the provider before writing).
    expect(await claim(id, b)).toEqual({ claimed: true, previous: 'running' });
    expect(await finishAction(t.db, id, a, done)).toBe(false);
    expect(await finishAction(t.db, id, b, done)).toBe(true);
    expect(await row(id)).toMatchObject({ state: 'done', attempts: 2, fence: b });
  });

  it('when a token is stale, then it cannot claim even a pending action', async () => {
    const { stale } = await staleAndCurrent();
    const { id } = step.actions[1]!;
    expect(await claim(id, stale)).toEqual({ claimed: false, reason: 'stale' });
    expect(await row(id)).toMatchObject({ state: 'pending', attempts: 0, fence: null });
  });

  it('when an action was claimed under a larger token, then an older one that still holds its own job cannot take it back', async () => {
    const older = await claimExecute('A');
    const other = (await enqueueJob(t.db, { kind: 'other' }))!;
    const newer = (await claimJob(t.db, { workerId: 'C', leaseMs: 60_000 }))!;
    expect(newer.id).toBe(other.id);
    const { id } = step.actions[0]!;
    expect(await claim(id, newer.fence!)).toMatchObject({ claimed: true });
    expect(await claim(id, older)).toEqual({ claimed: false, reason: 'stale' });
    expect(await finishAction(t.db, id, older, done)).toBe(false);
    expect(await row(id)).toMatchObject({ state: 'running', fence: newer.fence });
  });

  it('when the lease ran out and nobody claimed the job yet, then no new action is claimed under it', async () => {
    const a = await claimExecute('A');
    await expireLease(t.db, step.jobId);
    const { id } = step.actions[0]!;
    expect(await claim(id, a)).toEqual({ claimed: false, reason: 'stale' });
    expect((await listPlanActions(t.db, step.stepId, step.digest)).map((x) => x.state)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('when the same claim retries its own action (an unknown outcome), then it claims it again and counts the attempt', async () => {
    const a = await claimExecute('A');
    const { id } = step.actions[0]!;
    expect(await claim(id, a)).toEqual({ claimed: true, previous: 'pending' });
    expect(await claim(id, a)).toEqual({ claimed: true, previous: 'running' });
    expect(await row(id)).toMatchObject({ state: 'running', attempts: 2, fence: a });
  });
});
