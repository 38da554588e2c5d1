import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/jobs/create-worker.js';
import type { JobHandler } from '../../src/jobs/job.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { createWorkerLanes } from '../../src/jobs/worker-lanes.js';
import { silentLogger } from '../../src/util/logger.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { gate, waitFor, waitForState } from './job-test-helpers.js';

let t: TestDb;
let worker: Worker | undefined;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await worker?.stop({ graceMs: 0 });
  await t.cleanup();
});

/** Starts lanes of `general` workers named `w…` and an urgent one for `contain.execute`. */
function startLanes(
  handlers: Record<string, JobHandler>,
  options: { general?: number; pollIntervalMs?: number } = {},
): Worker {
  worker = createWorkerLanes(
    {
      db: t.db,
      logger: silentLogger(),
      pollIntervalMs: options.pollIntervalMs ?? 20,
      leaseMs: 60_000,
      backoffMs: () => 0,
      workerId: 'w',
      handlers,
    },
    ['contain.execute'],
    options.general,
  );
  worker.start();
  return worker;
}

/** A checklist job handler that records each job's step and holds until `hold` opens. */
function holding(seen: string[], hold: { promise: Promise<void> }): Record<string, JobHandler> {
  return {
    'step.discover': async (job) => {
      seen.push(String(job.payload.stepId));
      await hold.promise;
    },
  };
}

const runningBy = async () =>
  (
    await t.db.query<{ locked_by: string }>(
      `SELECT locked_by FROM jobs WHERE state = 'running' ORDER BY locked_by`,
    )
  ).rows.map((r) => r.locked_by);

describe('worker lanes', () => {
  it('when the general lane is busy with a long job, then an urgent job queued after it runs at once in its own lane', async () => {
    const slow = gate();
    const ran: string[] = [];
    const lanes = startLanes({
      'step.discover': async () => {
        ran.push('slow started');
        await slow.promise;
        ran.push('slow done');
      },
      'contain.execute': async () => void ran.push('urgent'),
    });
    const first = await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId: 's1' } });
    await waitFor('the slow job to start', () => ran.includes('slow started'));
    const urgent = await enqueueJob(t.db, {
      kind: 'contain.execute',
      payload: { stepId: 's2', digest: 'd' },
    });
    await waitForState(t.db, urgent!.id, 'done');
    expect(ran).toEqual(['slow started', 'urgent']);
    slow.open();
    await waitForState(t.db, first!.id, 'done');
    expect(lanes.isAlive()).toBe(true);
  });

  it('when the urgent lane is idle, then it never takes a job of another kind', async () => {
    const seen: string[] = [];
    const hold = gate();
    startLanes(holding(seen, hold));
    await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId: 'a' } });
    await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId: 'b' } });
    await waitFor('the first job to start', () => seen.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    // One general lane: the second waits for the first, the urgent lane leaves it alone.
    expect(seen).toEqual(['a']);
    expect(await runningBy()).toEqual(['w']);
    hold.open();
    await waitFor('both jobs to run', () => seen.length === 2);
  });

  it('when the general lane has three workers, then three checklist jobs run at once and a fourth waits for one of them', async () => {
    const seen: string[] = [];
    const hold = gate();
    startLanes(holding(seen, hold), { general: 3 });
    for (const stepId of ['a', 'b', 'c', 'd'])
      await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId } });
    await waitFor('three jobs to start', () => seen.length === 3);
    await new Promise((r) => setTimeout(r, 200));
    // The three oldest run; which worker's handler starts first is not ordered.
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(await runningBy()).toEqual(['w', 'w:2', 'w:3']);
    hold.open();
    await waitFor('the fourth job to run', () => seen.length === 4);
  });

  it('when the first general worker claims a job, then its siblings look at once instead of at their slower poll', async () => {
    const seen: string[] = [];
    const hold = gate();
    // The siblings would next look 4 s after starting: the jobs below are queued after that start.
    startLanes(holding(seen, hold), { general: 3, pollIntervalMs: 1_000 });
    await new Promise((r) => setTimeout(r, 100));
    // Queued with no notify, as another replica would: only polls find them.
    for (const stepId of ['a', 'b', 'c'])
      await enqueueJob(t.db, { kind: 'step.discover', payload: { stepId } });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
    hold.open();
  });
});
