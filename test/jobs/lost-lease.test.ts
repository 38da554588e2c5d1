// A worker whose lease was lost tells its handler to stop and waits for it before it takes other work.
import { describe, expect, it } from 'vitest';
import { enqueueJob, getJob } from '../../src/jobs/queue.js';
import { gate, waitForState } from './job-test-helpers.js';
import { useWorkerHarness } from './worker-harness.js';

const h = useWorkerHarness();

describe('a lost lease', () => {
  it('when another worker took the job over, then the handler is aborted and the worker waits for it before the next job', async () => {
    const started = gate();
    const events: string[] = [];
    let fence: number | undefined;
    h.start({
      leaseMs: 150,
      handlers: {
        slow: async (_job, ctx) => {
          fence = ctx.fence;
          started.open();
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
          events.push(`aborted: ${(ctx.signal.reason as { code?: string }).code}`);
          await new Promise((resolve) => setTimeout(resolve, 60)); // a write still in flight (shorter than a lease)
          events.push('slow settled');
        },
        next: async () => {
          events.push('next started');
        },
      },
    });
    const slow = (await enqueueJob(h.db, { kind: 'slow' }))!;
    await started.promise;
    const next = (await enqueueJob(h.db, { kind: 'next' }))!;
    // Another replica claims it (as after an expired lease): a new holder and a new token.
    await h.db.query(
      `UPDATE jobs SET locked_by = 'thief', fence = nextval('job_fence_seq'), locked_until = now() + interval '1 minute'
       WHERE id = $1`,
      [slow.id],
    );
    await waitForState(h.db, next.id, 'done');
    expect(events).toEqual(['aborted: job_lease_lost', 'slow settled', 'next started']);
    expect(await getJob(h.db, slow.id)).toMatchObject({ state: 'running', lockedBy: 'thief' });
    expect((await getJob(h.db, slow.id))!.fence).toBeGreaterThan(fence!);
  });
});
