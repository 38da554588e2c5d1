import { describe, expect, it } from 'vitest';
import { enqueueJob, getJob } from '../../src/jobs/queue.js';
import { gate } from './job-test-helpers.js';
import { useWorkerHarness } from './worker-harness.js';

const h = useWorkerHarness();

describe('stopping', () => {
  it('when stopped while a job runs, then the job finishes within the grace period and ends done', async () => {
    const started = gate();
    const finish = gate();
    let signal: AbortSignal | undefined;
    const worker = h.start({
      handlers: {
        k: async (_job, ctx) => {
          signal = ctx.signal;
          started.open();
          await finish.promise;
        },
      },
    });
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    await started.promise;
    const stopped = worker.stop({ graceMs: 60_000 });
    finish.open();
    await stopped;
    expect(await getJob(h.db, id)).toMatchObject({ state: 'done' });
    expect(signal?.aborted).toBe(false);
  });

  it('when stopped and the handler ignores the grace period, then the job is aborted and queued again', async () => {
    const started = gate();
    let signal: AbortSignal | undefined;
    const worker = h.start({
      handlers: {
        k: async (_job, ctx) => {
          signal = ctx.signal;
          started.open();
          await new Promise(() => undefined);
        },
      },
    });
    const { id } = (await enqueueJob(h.db, { kind: 'k', maxAttempts: 1 }))!;
    await started.promise;
    await worker.stop({ graceMs: 20 });
    expect(signal?.aborted).toBe(true);
    expect(await getJob(h.db, id)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });

  it('when stopped and the handler honours the abort by throwing, then the job is released, not failed', async () => {
    const started = gate();
    const worker = h.start({
      handlers: {
        k: (_job, ctx) =>
          new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
            started.open();
          }),
      },
    });
    const { id } = (await enqueueJob(h.db, { kind: 'k', maxAttempts: 1 }))!;
    await started.promise;
    await worker.stop({ graceMs: 0 });
    expect(await getJob(h.db, id)).toMatchObject({ state: 'queued', attempts: 0, lastError: null });
  });

  it('when stopped, then it claims nothing more', async () => {
    const worker = h.start({ handlers: { k: async () => undefined } });
    await worker.stop();
    const { id } = (await enqueueJob(h.db, { kind: 'k' }))!;
    worker.notify();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await getJob(h.db, id)).toMatchObject({ state: 'queued' });
  });
});
