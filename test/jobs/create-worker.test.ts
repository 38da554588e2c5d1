import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { createWorker } from '../../src/jobs/create-worker.js';
import { type Job, JobError } from '../../src/jobs/job.js';
import { claimJob, enqueueJob, getJob } from '../../src/jobs/queue.js';
import { silentLogger } from '../../src/util/logger.js';
import { capturingLogger, expireLease, gate, waitFor, waitForState } from './job-test-helpers.js';
import { useWorkerHarness } from './worker-harness.js';

const h = useWorkerHarness();

describe('createWorker', () => {
  it('when a job is enqueued, then its handler runs with the payload and the job ends done', async () => {
    const seen: Job[] = [];
    h.start({ handlers: { greet: async (job) => void seen.push(job) } });
    const { id } = (await enqueueJob(h.db, { kind: 'greet', payload: { to: 'U1' } }))!;
    await waitForState(h.db, id, 'done');
    expect(seen).toEqual([
      expect.objectContaining({ id, kind: 'greet', payload: { to: 'U1' }, attempts: 1 }),
    ]);
  });

  it('when notified, then an idle worker looks for jobs at once instead of at its next poll', async () => {
    let answered = 0;
    const countingDb: Db = {
      ...h.db,
      query: async (sql, params) => {
        const result = await h.db.query(sql, params);
        answered += 1;
        return result as never;
      },
    };
    const worker = h.start({
      db: countingDb,
      pollIntervalMs: 3_600_000,
      handlers: { k: async () => undefined },
    });
    await waitFor('the first claim to come back empty', () => answered === 1);
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    worker.notify();
    await waitForState(h.db, id, 'done');
  });

  it('when a handler throws, then the job is retried and dead after max attempts, and the loop runs the next job', async () => {
    const { logger, lines } = capturingLogger();
    const dead: Job[] = [];
    let calls = 0;
    h.start({
      logger,
      onDead: async (job) => void dead.push(job),
      handlers: {
        flaky: async () => {
          calls += 1;
          throw new JobError('provider_unavailable', `telnyx answered 503 (call ${calls})`);
        },
        fine: async () => undefined,
      },
    });
    const flaky = (await enqueueJob(h.db, { kind: 'flaky', maxAttempts: 3 }))!;
    await waitForState(h.db, flaky.id, 'failed');
    expect(calls).toBe(3);
    expect(await getJob(h.db, flaky.id)).toMatchObject({
      attempts: 3,
      lastError: 'provider_unavailable: telnyx answered 503 (call 3)',
    });
    expect(dead).toEqual([expect.objectContaining({ id: flaky.id, state: 'failed' })]);

    const retries = lines().filter((l) => l.msg === 'job failed, will retry: telnyx answered 503 (call 1)');
    expect(retries).toEqual([
      expect.objectContaining({ code: 'provider_unavailable', jobId: flaky.id, attempt: 1 }),
    ]);
    expect(lines().some((l) => 'stack' in l || 'err' in l)).toBe(false);

    const fine = (await enqueueJob(h.db, { kind: 'fine' }))!;
    await waitForState(h.db, fine.id, 'done');
  });

  it('when a handler fails, then the retry waits the backoff for that attempt', async () => {
    const attemptsAsked: number[] = [];
    h.start({
      backoffMs: (attempt) => {
        attemptsAsked.push(attempt);
        return 3_600_000;
      },
      handlers: { k: () => Promise.reject(new Error('boom')) },
    });
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    await waitFor(
      'the first failure',
      async () => (await getJob(h.db, id))?.lastError === 'internal_error: boom',
    );
    expect(attemptsAsked).toEqual([1]);
    const { rows } = await h.db.query<{ later: boolean }>(
      "SELECT run_at > now() + interval '50 minutes' AS later FROM jobs WHERE id = $1",
      [id],
    );
    expect(rows[0]!.later).toBe(true);
  });

  it('when a job has a kind no handler knows, then it fails for good with a clear error', async () => {
    const dead: Job[] = [];
    h.start({ handlers: {}, onDead: async (job) => void dead.push(job) });
    const { id } = (await enqueueJob(h.db, { kind: 'step.mystery', maxAttempts: 5 }))!;
    await waitForState(h.db, id, 'failed');
    expect(await getJob(h.db, id)).toMatchObject({
      attempts: 1,
      lastError: 'job_unknown_kind: no handler is registered for job kind "step.mystery"',
    });
    expect(dead.map((j) => j.id)).toEqual([id]);
  });

  it('when the worker holding a job died, then after its lease expires another worker runs it', async () => {
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    await claimJob(h.db, { workerId: 'crashed', leaseMs: 60_000 });
    const runs: number[] = [];
    h.start({ handlers: { k: async (job) => void runs.push(job.attempts) } });
    await expireLease(h.db, id);
    await waitForState(h.db, id, 'done');
    expect(runs).toEqual([2]);
  });

  it('when a handler runs longer than the lease, then heartbeats keep the job from being claimed again', async () => {
    const release = gate();
    let runs = 0;
    h.start({
      leaseMs: 300,
      handlers: {
        slow: async () => {
          runs += 1;
          await release.promise;
        },
      },
    });
    const { id } = (await enqueueJob(h.db, { kind: 'slow' }))!;
    await waitForState(h.db, id, 'running');
    const leaseEnds = new Set<number>();
    await waitFor('three heartbeats', async () => {
      leaseEnds.add((await getJob(h.db, id))!.lockedUntil!.getTime());
      return leaseEnds.size >= 4;
    });
    expect(await claimJob(h.db, { workerId: 'thief', leaseMs: 60_000 })).toBeNull();
    release.open();
    await waitForState(h.db, id, 'done');
    expect(runs).toBe(1);
  });

  it('when a DB error hits the loop, then it is logged and the loop carries on once the database answers', async () => {
    let down = true;
    const flakyDb: Db = {
      ...h.db,
      query: (sql, params) =>
        down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : h.db.query(sql, params),
    };
    const { logger, lines } = capturingLogger();
    const worker = h.start({ db: flakyDb, logger, handlers: { k: async () => undefined } });
    await waitFor(
      'two failed ticks',
      () => lines().filter((l) => l.code === 'storage_unavailable').length >= 2,
    );
    expect(worker.isAlive()).toBe(true);
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    down = false;
    await waitForState(h.db, id, 'done');
  });

  it('when started and then stopped, then isAlive follows the loop', async () => {
    const worker = createWorker({ db: h.db, logger: silentLogger(), handlers: {}, pollIntervalMs: 20 });
    expect(worker.isAlive()).toBe(false);
    expect(worker.lastTickAt()).toBeNull();
    worker.start();
    expect(worker.isAlive()).toBe(true);
    const first = worker.lastTickAt()!;
    await waitFor('another tick', () => worker.lastTickAt()!.getTime() > first.getTime());
    await worker.stop();
    expect(worker.isAlive()).toBe(false);
  });
});
