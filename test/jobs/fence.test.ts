// Fencing tokens on the queue: each claim draws a larger one, and only the current claim's counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdFence } from '../../src/jobs/fence.js';
import {
  claimJob,
  completeJob,
  enqueueJob,
  extendLease,
  failJob,
  getJob,
  releaseJob,
} from '../../src/jobs/queue.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { expireLease } from './job-test-helpers.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const live = () => new AbortController().signal;
const claim = (workerId: string) => claimJob(t.db, { workerId, leaseMs: 60_000 });
const hold = (token: number, options: { beforeWrite?: boolean; signal?: AbortSignal } = {}) =>
  t.db.transaction((tx) =>
    holdFence(tx, { token, signal: options.signal ?? live() }, 'the test write', options),
  );

describe('fencing tokens', () => {
  it('when a job is claimed again after its lease expired, then the new claim has a larger token', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    expect((await getJob(t.db, id))!.fence).toBeNull();
    const first = (await claim('A'))!;
    await expireLease(t.db, id);
    const second = (await claim('B'))!;
    expect(first.fence).toEqual(expect.any(Number));
    expect(second.fence!).toBeGreaterThan(first.fence!);
    expect((await getJob(t.db, id))!.fence).toBe(second.fence);
  });

  it('when the same worker claims a job again, then its old claim can neither extend, fail, release nor complete it', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    const old = (await claim('A'))!;
    await expireLease(t.db, id);
    const current = (await claim('A'))!;
    expect(await extendLease(t.db, id, 'A', 60_000, old.fence)).toBe(false);
    expect(await failJob(t.db, id, 'A', 'late', 0, { fence: old.fence })).toBe('lost');
    expect(await releaseJob(t.db, id, 'A', old.fence)).toBe(false);
    expect(await completeJob(t.db, id, 'A', old.fence)).toBe(false);
    expect(await getJob(t.db, id)).toMatchObject({
      state: 'running',
      attempts: 2,
      lastError: 'lease expired on attempt 1: the worker running it stopped responding',
    });
    expect(await extendLease(t.db, id, 'A', 60_000, current.fence)).toBe(true);
    expect(await completeJob(t.db, id, 'A', current.fence)).toBe(true);
  });

  it('when the token is the job’s current one, then it holds; once claimed again, finished or released, it does not', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    const a = (await claim('A'))!.fence!;
    await expect(hold(a, { beforeWrite: true })).resolves.toBeUndefined();
    await expireLease(t.db, id);
    await expect(hold(a, { beforeWrite: true })).rejects.toMatchObject({ code: 'job_lease_lost' });
    await expect(hold(a)).resolves.toBeUndefined(); // expired but not taken: its result may be recorded
    const b = (await claim('B'))!.fence!;
    await expect(hold(a)).rejects.toMatchObject({ code: 'job_lease_lost' });
    await expect(hold(b)).resolves.toBeUndefined();
    expect(await releaseJob(t.db, id, 'B', b)).toBe(true);
    await expect(hold(b)).rejects.toMatchObject({ code: 'job_lease_lost' });
    const c = (await claim('C'))!.fence!;
    expect(await completeJob(t.db, id, 'C', c)).toBe(true);
    await expect(hold(c)).rejects.toMatchObject({ code: 'job_lease_lost' });
  });

  it('when the signal is aborted, then no write may start, with the abort reason', async () => {
    await enqueueJob(t.db, { kind: 'k' });
    const a = (await claim('A'))!.fence!;
    const controller = new AbortController();
    const reason = new Error('lease lost');
    controller.abort(reason);
    await expect(hold(a, { beforeWrite: true, signal: controller.signal })).rejects.toBe(reason);
    await expect(hold(a, { signal: controller.signal })).resolves.toBeUndefined();
  });
});
