// Execution at the provider's pace: the window of actions in flight follows the rate and rate headers; claims and results go in batches, one row per action, no write twice.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import type { Db } from '../../src/db/db.js';
import { listPlanActions } from '../../src/db/repos/plans-repo.js';
import type { PaceReading } from '../../src/domain/actions-in-flight.js';
import { executeStep } from '../../src/incidents/execute-step.js';
import type { Fence } from '../../src/jobs/fence.js';
import { claimJob } from '../../src/jobs/queue.js';
import type { AutomatedStepDefinition } from '../../src/playbooks/types.js';
import { expireLease, waitFor } from '../jobs/job-test-helpers.js';
import { FakeAccount, fakeRuntime, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { type ApprovedStep, approvedForwardingStep, FORWARDING_STEP } from './approved-step-fixture.js';

const NUMBERS = 40;
let t: TestDb;
let account: FakeAccount;
let step: ApprovedStep;
beforeEach(async () => {
  t = await createTestDb();
  account = new FakeAccount();
  for (let i = 0; i < NUMBERS; i += 1)
    account.forwarding.set(`+1555020${String(i).padStart(2, '0')}`, '+88216555');
  step = await approvedForwardingStep(t.db, account);
});
afterEach(() => t.cleanup());

const forwardingTargets = () => step.actions.map((a) => a.target).sort();

/** Deps whose forwarding step has independent actions and whose provider reads `pace`. */
function pacedDeps(pace: () => PaceReading | undefined, db: Db = t.db) {
  const runtime = fakeRuntime(account);
  const definition = runtime.definition(FORWARDING_STEP) as AutomatedStepDefinition;
  definition.concurrency = 4;
  const original = definition.execute;
  const seen = { inFlight: 0, most: 0 };
  definition.execute = async (...args) => {
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      return await original(...args);
    } finally {
      seen.inFlight -= 1;
    }
  };
  return { deps: makeDeps(t, account, { db, playbooks: { ...runtime, paceFor: () => pace } }), seen };
}

async function claimAs(workerId: string): Promise<Fence> {
  await expireLease(t.db, step.jobId);
  const job = await claimJob(t.db, { workerId, leaseMs: 60_000 });
  expect(job?.id).toBe(step.jobId);
  return { token: job!.fence!, signal: new AbortController().signal };
}

/** Every write held until the gate opens: what is in flight stays there to be counted. */
function holdWrites() {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  for (const target of forwardingTargets()) account.holdUntil.set(target, gate);
  return open;
}

/** Counts the statements that claim and that record actions. */
function countingDb(onRecord: (n: number) => void = () => undefined): {
  db: Db;
  claims: () => number;
  records: () => number;
} {
  let claims = 0;
  let records = 0;
  const watch = (sql: string) => {
    if (sql.startsWith(`UPDATE plan_actions SET state = 'running'`)) claims += 1;
    if (sql.startsWith('UPDATE plan_actions p SET state = e.state')) {
      records += 1;
      onRecord(records);
    }
  };
  const db: Db = {
    ...t.db,
    query: (sql, params) => {
      watch(sql);
      return t.db.query(sql, params);
    },
    transaction: (fn) =>
      t.db.transaction((tx) =>
        fn({
          exec: (sql) => tx.exec(sql),
          query: (sql, params) => {
            watch(sql);
            return tx.query(sql, params);
          },
        }),
      ),
  };
  return { db, claims: () => claims, records: () => records };
}

describe('execution at the provider’s pace', () => {
  it.each<[string, number, PaceReading]>([
    ['the provider allows 40 requests/s', 10, { ratePerSec: 40 }],
    ['it allows 100 requests/s', 25, { ratePerSec: 100 }],
    [
      'its rate headers say 3 remain before the reset',
      3,
      { ratePerSec: 100, budget: { remaining: 3, resetInMs: 900 } },
    ],
  ])('when %s, then %i actions are in flight at once, no more', async (_, expected, reading) => {
    const { deps, seen } = pacedDeps(() => reading);
    const release = holdWrites();
    const run = executeStep(deps, step.stepId, step.digest, await claimAs('A'));
    await waitFor(`${expected} writes in flight`, () => seen.inFlight === expected);
    await sleep(50);
    expect(seen.inFlight).toBe(expected);
    release();
    await expect(run).resolves.toBe('done');
    expect(seen.most).toBe(expected);
    expect([...account.writes].sort()).toEqual(forwardingTargets());
  });

  it('when the rate headers tighten mid-run, then no new action starts past what they allow', async () => {
    let reading: PaceReading = { ratePerSec: 100 };
    const { deps, seen } = pacedDeps(() => reading);
    const release = holdWrites();
    const run = executeStep(deps, step.stepId, step.digest, await claimAs('A'));
    await waitFor('25 writes in flight', () => seen.inFlight === 25);
    reading = { ratePerSec: 100, budget: { remaining: 2, resetInMs: 900 } };
    seen.most = 0;
    release();
    await expect(run).resolves.toBe('done');
    expect(seen.most).toBeLessThanOrEqual(2);
  });

  it('when many actions finish together, then their claims and results are written in batches, one row and one audit entry per action', async () => {
    const counting = countingDb();
    const { deps } = pacedDeps(() => ({ ratePerSec: 40 }), counting.db);
    const release = holdWrites();
    const run = executeStep(deps, step.stepId, step.digest, await claimAs('A'));
    await sleep(20);
    release();
    await expect(run).resolves.toBe('done');
    const actions = await listPlanActions(t.db, step.stepId, step.digest);
    expect(actions).toHaveLength(step.actions.length);
    expect(actions.every((a) => a.state === 'done' && a.attempts === 1)).toBe(true);
    expect(counting.records()).toBeLessThanOrEqual(step.actions.length / 4);
    expect(counting.claims()).toBeLessThanOrEqual(step.actions.length / 4);
    const done = (await exportAudit(t.db, step.incidentId)).filter((e) => e.action === 'action.done');
    expect(done.map((e) => (e.payload as { position: number }).position).sort((a, b) => a - b)).toEqual(
      actions.map((a) => a.position),
    );
    expect(account.writes).toHaveLength(step.actions.length);
  });

  it('when the process dies between two batches of results, then the next claim re-checks the unrecorded writes and none is made twice', async () => {
    let dead = false;
    const counting = countingDb((n) => {
      if (n === 2) {
        dead = true; // kill -9 while the second batch of results is on its way: it never commits
        throw new Error('process killed');
      }
    });
    const dying: Db = {
      ...counting.db,
      query: (sql, params) =>
        dead ? Promise.reject(new Error('process killed')) : counting.db.query(sql, params),
      transaction: (fn) => (dead ? Promise.reject(new Error('process killed')) : counting.db.transaction(fn)),
    };
    const first = pacedDeps(() => ({ ratePerSec: 40 }), dying);
    await expect(executeStep(first.deps, step.stepId, step.digest, await claimAs('A'))).rejects.toThrow(
      'process killed',
    );
    const left = await listPlanActions(t.db, step.stepId, step.digest);
    const running = left.filter((a) => a.state === 'running').map((a) => a.target);
    const recorded = left.filter((a) => a.state === 'done');
    expect(recorded.length).toBeGreaterThan(0);
    expect(running.length).toBeGreaterThan(0);
    expect([...account.writes].sort()).toEqual([...running, ...recorded.map((a) => a.target)].sort());

    const second = pacedDeps(() => ({ ratePerSec: 40 }));
    await expect(executeStep(second.deps, step.stepId, step.digest, await claimAs('B'))).resolves.toBe(
      'done',
    );
    expect([...account.writes].sort()).toEqual(forwardingTargets()); // each written once
    expect([...account.rechecks].sort()).toEqual([...running].sort());
    const actions = await listPlanActions(t.db, step.stepId, step.digest);
    expect(actions.map((a) => a.state)).toEqual(step.actions.map(() => 'done'));
    const done = (await exportAudit(t.db, step.incidentId)).filter((e) => e.action === 'action.done');
    expect(done).toHaveLength(step.actions.length);
  });
});
