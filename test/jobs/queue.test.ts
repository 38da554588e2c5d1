import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimJob,
  claimNextJob,
  completeJob,
  enqueueJob,
  extendLease,
  failJob,
  getJob,
  releaseJob,
} from '../../src/jobs/queue.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { expireLease, makeDue } from './job-test-helpers.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const lease = { workerId: 'w1', leaseMs: 60_000 };

async function dbSays(sql: string, id: number): Promise<boolean> {
  const { rows } = await t.db.query<{ ok: boolean }>(`SELECT (${sql}) AS ok FROM jobs WHERE id = $1`, [id]);
  return rows[0]!.ok;
}

describe('enqueue, claim, complete', () => {
  it('when a job is enqueued and claimed, then it runs under the claimer with a lease and completes as done', async () => {
    const queued = await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId: 's1', n: 2 } });
    expect(queued?.id).toEqual(expect.any(Number));

    const job = await claimJob(t.db, lease);
    expect(job).toMatchObject({
      id: queued!.id,
      kind: 'step.discover',
      payload: { stepId: 's1', n: 2 },
      state: 'running',
      attempts: 1,
      maxAttempts: 5,
      lockedBy: 'w1',
      lastError: null,
    });
    expect(job!.runAt).toBeInstanceOf(Date);
    expect(await dbSays("locked_until > now() + interval '50 seconds'", job!.id)).toBe(true);

    expect(await completeJob(t.db, job!.id, 'w1')).toBe(true);
    expect(await getJob(t.db, job!.id)).toMatchObject({ state: 'done', lockedUntil: null });
  });

  it('when a job is done, then it is never claimed again and a second complete is refused', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    await claimJob(t.db, lease);
    expect(await completeJob(t.db, id, 'w1')).toBe(true);
    await expireLease(t.db, id);
    await makeDue(t.db, id);
    expect(await claimJob(t.db, { workerId: 'w2', leaseMs: 60_000 })).toBeNull();
    expect(await completeJob(t.db, id, 'w1')).toBe(false);
  });

  it('when nothing is due, then claim returns null; a delayed job is claimed once due', async () => {
    expect(await claimJob(t.db, lease)).toBeNull();
    const { id } = (await enqueueJob(t.db, { kind: 'k', delayMs: 60_000 }))!;
    expect(await claimJob(t.db, lease)).toBeNull();
    await makeDue(t.db, id);
    expect((await claimJob(t.db, lease))?.id).toBe(id);
  });

  it('when several jobs are due, then they are claimed oldest run_at first, then by id', async () => {
    const a = await enqueueJob(t.db, { kind: 'k' });
    const b = await enqueueJob(t.db, { kind: 'k' });
    const early = await enqueueJob(t.db, { kind: 'k' });
    await t.db.query("UPDATE jobs SET run_at = now() - interval '1 hour' WHERE id = $1", [early!.id]);
    const order = [];
    for (let job = await claimJob(t.db, lease); job; job = await claimJob(t.db, lease)) order.push(job.id);
    expect(order).toEqual([early!.id, a!.id, b!.id]);
  });

  it('when kinds are given, then only jobs of those kinds are claimed', async () => {
    await enqueueJob(t.db, { kind: 'other' });
    const wanted = await enqueueJob(t.db, { kind: 'wanted' });
    expect((await claimJob(t.db, { ...lease, kinds: ['wanted'] }))?.id).toBe(wanted!.id);
    expect(await claimJob(t.db, { ...lease, kinds: ['wanted'] })).toBeNull();
  });

  it.each([0, -1, 1.5])(
    'when maxAttempts is %s, then enqueue refuses it with job_invalid',
    async (maxAttempts) => {
      await expect(enqueueJob(t.db, { kind: 'k', maxAttempts })).rejects.toMatchObject({
        code: 'job_invalid',
      });
    },
  );
});

describe('dedupe key', () => {
  it('when a live job has the same dedupe key, then enqueue returns null; once it is done, the key is free', async () => {
    const first = await enqueueJob(t.db, { kind: 'k', dedupeKey: 'execute:s1:abc' });
    expect(first).not.toBeNull();
    expect(await enqueueJob(t.db, { kind: 'k', dedupeKey: 'execute:s1:abc' })).toBeNull();
    await claimJob(t.db, lease);
    expect(await enqueueJob(t.db, { kind: 'k', dedupeKey: 'execute:s1:abc' })).toBeNull();
    await completeJob(t.db, first!.id, 'w1');
    const again = await enqueueJob(t.db, { kind: 'k', dedupeKey: 'execute:s1:abc' });
    expect(again?.id).toBeGreaterThan(first!.id);
    expect(await enqueueJob(t.db, { kind: 'k', dedupeKey: 'execute:s1:other' })).not.toBeNull();
  });

  it('when enqueued inside a transaction, then a duplicate is null there and a rollback leaves no job', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        expect(await enqueueJob(tx, { kind: 'k', dedupeKey: 'd' })).not.toBeNull();
        expect(await enqueueJob(tx, { kind: 'k', dedupeKey: 'd' })).toBeNull();
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const { rows } = await t.db.query('SELECT id FROM jobs');
    expect(rows).toEqual([]);
    expect(await enqueueJob(t.db, { kind: 'k', dedupeKey: 'd' })).not.toBeNull();
  });
});

describe('leases', () => {
  it('when the worker holding a job died (lease expired), then another worker claims it and the stale one is refused', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    await claimJob(t.db, { workerId: 'dead-worker', leaseMs: 60_000 });
    expect(await claimJob(t.db, { workerId: 'w2', leaseMs: 60_000 })).toBeNull();

    await expireLease(t.db, id);
    const again = await claimJob(t.db, { workerId: 'w2', leaseMs: 60_000 });
    expect(again).toMatchObject({ id, attempts: 2, lockedBy: 'w2', state: 'running' });
    expect(again!.lastError).toMatch(/lease expired on attempt 1/);

    expect(await completeJob(t.db, id, 'dead-worker')).toBe(false);
    expect(await extendLease(t.db, id, 'dead-worker', 60_000)).toBe(false);
    expect(await failJob(t.db, id, 'dead-worker', 'late', 0)).toBe('lost');
    expect(await releaseJob(t.db, id, 'dead-worker')).toBe(false);
    expect(await completeJob(t.db, id, 'w2')).toBe(true);
    expect(await completeJob(t.db, id, 'w2')).toBe(false);
  });

  it('when a job was claimed max_attempts times and its workers kept dying, then it is marked failed, not run again', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k', maxAttempts: 2 }))!;
    for (const worker of ['a', 'b']) {
      expect((await claimJob(t.db, { workerId: worker, leaseMs: 60_000 }))?.id).toBe(id);
      await expireLease(t.db, id);
    }
    const { job, dead } = await claimNextJob(t.db, { workerId: 'c', leaseMs: 60_000 });
    expect(job).toBeNull();
    expect(dead).toEqual([expect.objectContaining({ id, state: 'failed', attempts: 2, lockedBy: null })]);
    expect(dead[0]!.lastError).toMatch(/lease expired on attempt 2 of 2/);
    expect(await claimJob(t.db, { workerId: 'c', leaseMs: 60_000 })).toBeNull();
  });

  it('when the lease is extended, then it ends later than before', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k' }))!;
    await claimJob(t.db, { workerId: 'w1', leaseMs: 1_000 });
    expect(await dbSays("locked_until < now() + interval '10 seconds'", id)).toBe(true);
    expect(await extendLease(t.db, id, 'w1', 60_000)).toBe(true);
    expect(await dbSays("locked_until > now() + interval '50 seconds'", id)).toBe(true);
  });

  it('when a job is released, then it is queued again and the released attempt does not count', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k', maxAttempts: 1 }))!;
    await claimJob(t.db, lease);
    expect(await releaseJob(t.db, id, 'w1')).toBe(true);
    expect(await getJob(t.db, id)).toMatchObject({
      state: 'queued',
      attempts: 0,
      lockedBy: null,
      lockedUntil: null,
    });
    expect(await claimJob(t.db, { workerId: 'w2', leaseMs: 60_000 })).toMatchObject({ id, attempts: 1 });
  });
});

describe('failures', () => {
  it('when a job fails with attempts left, then it waits out the retry delay; after max attempts it is dead', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k', maxAttempts: 3 }))!;
    await claimJob(t.db, lease);
    expect(await failJob(t.db, id, 'w1', 'provider_unavailable: 503', 60_000)).toBe('retrying');
    expect(await getJob(t.db, id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: 'provider_unavailable: 503',
    });
    expect(await dbSays("run_at > now() + interval '50 seconds'", id)).toBe(true);
    expect(await claimJob(t.db, lease)).toBeNull();

    await makeDue(t.db, id);
    expect(await claimJob(t.db, lease)).toMatchObject({ id, attempts: 2 });
    expect(await failJob(t.db, id, 'w1', 'again', 0)).toBe('retrying');
    expect(await claimJob(t.db, lease)).toMatchObject({ id, attempts: 3 });
    expect(await failJob(t.db, id, 'w1', 'third time', 0)).toBe('dead');
    expect(await getJob(t.db, id)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'third time' });
    expect(await claimJob(t.db, lease)).toBeNull();
  });

  it('when a failure is permanent, then the job is dead at once whatever attempts are left', async () => {
    const { id } = (await enqueueJob(t.db, { kind: 'k', maxAttempts: 5 }))!;
    await claimJob(t.db, lease);
    expect(await failJob(t.db, id, 'w1', 'no handler', 0, { permanent: true })).toBe('dead');
    expect(await getJob(t.db, id)).toMatchObject({ state: 'failed', attempts: 1 });
  });
});
