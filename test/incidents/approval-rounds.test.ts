import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getStep } from '../../src/db/repos/steps-repo.js';
import { approveStep, rejectStep } from '../../src/incidents/decide-step.js';
import { retryStep } from '../../src/incidents/retry-step.js';
import { drainJobs } from '../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { openFakeIncident } from './fake-incident.js';

let t: TestDb;
let account: FakeAccount;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  account = new FakeAccount();
  deps = makeDeps(t, account, { approverIds: ['UAPPROVER1', 'UAPPROVER2', 'UAPPROVER3', 'UAPPROVER4'] });
});
afterEach(() => t.cleanup());

describe('approval rounds', () => {
  it('when a rejected plan is rediscovered unchanged, then the approvals given before the Reject no longer count', async () => {
    const { forwarding } = await openFakeIncident(deps);
    const digest = forwarding.planDigest!;
    const stepId = forwarding.id;
    expect(await approveStep(deps, { stepId, userId: 'UAPPROVER2', digest })).toMatchObject({
      ok: true,
      complete: false,
    });
    expect(
      await rejectStep(deps, { stepId, userId: 'UAPPROVER3', digest, reason: 'not sure' }),
    ).toMatchObject({ ok: true, step: { state: 'rejected' } });
    expect(await retryStep(deps, { stepId, userId: 'UAPPROVER3' })).toMatchObject({ ok: true });
    await drainJobs(deps);
    const again = await getStep(t.db, stepId);
    expect(again).toMatchObject({ state: 'awaiting_approval', planDigest: digest });

    const next = await approveStep(deps, { stepId, userId: 'UAPPROVER4', digest });
    expect(next).toMatchObject({ ok: true, complete: false, needed: 2, approvers: ['UAPPROVER4'] });
    expect(await drainJobs(deps)).toEqual([]);
    expect(account.writes).toEqual([]);
    // The new round is a new look: the earlier approver may approve it again, and that completes it.
    const second = await approveStep(deps, { stepId, userId: 'UAPPROVER2', digest });
    expect(second).toMatchObject({ ok: true, complete: true, approvers: ['UAPPROVER4', 'UAPPROVER2'] });
    const { rows } = await t.db.query<{ user_id: string; round: number }>(
      'SELECT user_id, round FROM approvals WHERE step_id = $1 ORDER BY id',
      [stepId],
    );
    expect(rows.map((r) => [r.user_id, r.round - rows[0]!.round])).toEqual([
      ['UAPPROVER2', 0],
      ['UAPPROVER3', 0],
      ['UAPPROVER4', 1],
      ['UAPPROVER2', 1],
    ]);
  });

  it('when a responder rediscovers a rejected step, then it is refused: only an approver may reopen it', async () => {
    const { forwarding } = await openFakeIncident(deps);
    const stepId = forwarding.id;
    await rejectStep(deps, { stepId, userId: 'UAPPROVER2', digest: forwarding.planDigest! });
    expect(await retryStep(deps, { stepId, userId: 'URESPONDER' })).toMatchObject({
      ok: false,
      code: 'not_an_approver',
    });
    expect((await getStep(t.db, stepId)).state).toBe('rejected');
    expect(await retryStep(deps, { stepId, userId: 'UAPPROVER2' })).toMatchObject({
      ok: true,
      step: { state: 'discovering' },
    });
  });

  it('when a step awaiting approval is rediscovered by a responder, then that stays allowed', async () => {
    const { forwarding } = await openFakeIncident(deps);
    expect(await retryStep(deps, { stepId: forwarding.id, userId: 'URESPONDER' })).toMatchObject({
      ok: true,
      step: { state: 'discovering' },
    });
  });
});
