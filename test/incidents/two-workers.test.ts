// Two engines on one database: one is paused past its lease mid-execution, the other takes over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import type { Db } from '../../src/db/db.js';
import { createPgDb } from '../../src/db/pg-db.js';
import { listPlanActions } from '../../src/db/repos/plans-repo.js';
import { getStep } from '../../src/db/repos/steps-repo.js';
import type { PlanAction } from '../../src/domain/types.js';
import { getJob } from '../../src/jobs/queue.js';
import { expireLease, waitFor, waitForState } from '../jobs/job-test-helpers.js';
import { FakeAccount } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { type ApprovedStep, approvedForwardingStep } from './approved-step-fixture.js';
import { freezable, type Hold, newHold, startEngine } from './pausing-engine.js';

let t: TestDb;
let account: FakeAccount;
let step: ApprovedStep;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  t = await createTestDb();
  account = new FakeAccount();
  step = await approvedForwardingStep(t.db, account);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await t.cleanup();
});

/** A pool of its own on PostgreSQL, as another replica has; PGlite has only the one. */
function replicaDb(): Db {
  if (!t.schema || !process.env.DATABASE_URL) return t.db;
  const db = createPgDb({ connectionString: process.env.DATABASE_URL, schema: t.schema, max: 4 });
  closers.push(() => db.close());
  return db;
}

const engine = (workerId: string, db: Db, holds: Map<string, Hold>, leaseMs: number) =>
  startEngine({ t, account, workerId, db, holds, leaseMs, closers });

/** Everything the provider and the records say happened, to compare with "exactly once". */
async function whatHappened() {
  const audit = await exportAudit(t.db, step.incidentId);
  const { rows: secrets } = await t.db.query<{ label: string }>(
    'SELECT label FROM sealed_secrets WHERE step_id = $1 ORDER BY label',
    [step.stepId],
  );
  const actions = await listPlanActions(t.db, step.stepId, step.digest);
  return {
    writes: [...account.writes].sort(),
    actionsDone: audit
      .filter((e) => e.action === 'action.done')
      .map((e) => (e.payload as { position: number }).position)
      .sort(),
    stepResults: audit.filter((e) => e.action === 'step.executed' || e.action === 'step.failed').length,
    secrets: secrets.map((s) => s.label),
    actions: actions.map((a: PlanAction) => a.state),
    step: (await getStep(t.db, step.stepId)).state,
  };
}

const onceEach = {
  writes: ['+15550100', '+15550102'],
  actionsDone: [0, 1],
  stepResults: 1,
  secrets: ['pin for +15550100'],
  actions: ['done', 'done'],
  step: 'done',
};

describe('two engines, one paused past its lease', () => {
  it('when one pauses before its write and the other takes over, then on resuming it stops: every write, audit and secret happens once', async () => {
    const holds = new Map([['+15550100', newHold('before-write')]]);
    const paused = holds.get('+15550100')!;
    const a = freezable(t.db);
    const first = engine('A', a.db, holds, 300);
    await paused.reached.promise; // A is in the middle of its first action, about to write
    a.freeze(); // … and stops: no heartbeat reaches the database
    await waitFor('A’s lease to run out', async () => {
      const job = await getJob(t.db, step.jobId);
      return job!.lockedUntil!.getTime() < Date.now() - 100;
    });

    const second = engine('B', replicaDb(), holds, 60_000);
    await waitForState(t.db, step.jobId, 'done');
    expect(await whatHappened()).toEqual(onceEach);
    expect(second.errors).toEqual([]);

    a.thaw(); // A's heartbeat learns the job is no longer its own …
    await waitFor('A’s heartbeat to find its lease lost', () => first.signals[0]?.aborted === true);
    paused.release.open(); // … and then its provider call goes on
    await first.settled();

    expect(await whatHappened()).toEqual(onceEach);
    expect(first.outcomes).toEqual([`+15550100: threw job ${step.jobId} is no longer held by worker A`]);
    expect(first.errors).toEqual(['job_lease_lost']);
    expect(account.rechecks).toEqual(['+15550100']); // B found it running: re-checked, then wrote
    expect(await getJob(t.db, step.jobId)).toMatchObject({ state: 'done', lockedBy: 'B' });
  });

  it('when one pauses after a write and never hears its lease ran out, then the fencing token alone keeps it from recording anything', async () => {
    // A heartbeats once every 20 s: it never notices; its lease is ended by hand ("frozen past it").
    const holds = new Map([['+15550102', newHold('after-write')]]);
    const paused = holds.get('+15550102')!;
    const first = engine('A', t.db, holds, 60_000);
    await paused.reached.promise; // A did the first action and wrote the second, not yet recorded
    await expireLease(t.db, step.jobId);

    const second = engine('B', replicaDb(), holds, 60_000);
    await waitForState(t.db, step.jobId, 'done');
    expect(account.rechecks).toEqual(['+15550102']); // B found it running: re-checked, did not write

    paused.release.open();
    await first.settled();
    expect(first.outcomes).toEqual(['+15550100: returned', '+15550102: returned']);
    expect(first.errors).toEqual(['job_lease_lost']);
    expect(second.errors).toEqual([]);
    expect(await whatHappened()).toEqual(onceEach);
    // A's failure was not recorded on the job: B's claim is the one that finished it.
    expect(await getJob(t.db, step.jobId)).toMatchObject({
      state: 'done',
      lockedBy: 'B',
      lastError: 'lease expired on attempt 1: the worker running it stopped responding',
    });
  });
});
