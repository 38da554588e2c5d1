// Engines for the two-replica tests: a worker whose database can freeze and whose playbook can pause.
import { incidentJobHandlers } from '../../src/app/job-handlers.js';
import type { Db } from '../../src/db/db.js';
import { createWorker, type Worker } from '../../src/jobs/create-worker.js';
import type { JobHandler } from '../../src/jobs/job.js';
import type { AutomatedStepDefinition, StepDefinition } from '../../src/playbooks/types.js';
import { silentLogger } from '../../src/util/logger.js';
import { gate } from '../jobs/job-test-helpers.js';
import { type FakeAccount, fakeRuntime, makeDeps } from '../support/fake-playbook.js';
import type { TestDb } from '../support/test-db.js';
import { FORWARDING_STEP } from './approved-step-fixture.js';

/** A database handle whose queries wait while frozen: the process is paused (no heartbeat gets out). */
export function freezable(db: Db): { db: Db; freeze(): void; thaw(): void } {
  let frozen: ReturnType<typeof gate> | null = null;
  const thawed = () => frozen?.promise ?? Promise.resolve();
  const wrapped: Db = {
    kind: db.kind,
    async query(sql, params) {
      await thawed();
      return db.query(sql, params);
    },
    async exec(sql) {
      await thawed();
      return db.exec(sql);
    },
    async transaction(fn) {
      await thawed();
      return db.transaction(fn);
    },
    async session(fn) {
      await thawed();
      return db.session(fn);
    },
    ping: () => db.ping(),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    freeze: () => {
      frozen ??= gate();
    },
    thaw: () => {
      frozen?.open();
      frozen = null;
    },
  };
}

/** Where the provider write of one target pauses, the first time it is executed. */
export interface Hold {
  at: 'before-write' | 'after-write';
  reached: ReturnType<typeof gate>;
  release: ReturnType<typeof gate>;
}

/**
 * The fake playbook, with its forwarding step able to pause one target's first execution, and
 * honouring the abort signal before it writes, as the provider HTTP client does before a request.
 */
export function pausingRuntime(account: FakeAccount, holds: Map<string, Hold>, outcomes: string[]) {
  const base = fakeRuntime(account);
  const original = base.definition(FORWARDING_STEP) as AutomatedStepDefinition;
  const forwarding: AutomatedStepDefinition = {
    ...original,
    async execute(ctx, action, options) {
      const hold = holds.get(action.target);
      holds.delete(action.target);
      try {
        if (hold?.at === 'before-write') {
          hold.reached.open();
          await hold.release.promise;
        }
        options.signal?.throwIfAborted();
        const outcome = await original.execute(ctx, action, options);
        if (hold?.at === 'after-write') {
          hold.reached.open();
          await hold.release.promise;
        }
        outcomes.push(`${action.target}: returned`);
        return outcome;
      } catch (err) {
        outcomes.push(`${action.target}: threw ${(err as Error).message}`);
        throw err;
      }
    },
  };
  return {
    ...base,
    definition: (key: string): StepDefinition | undefined =>
      key === FORWARDING_STEP ? forwarding : base.definition(key),
  };
}

export const newHold = (at: Hold['at']): Hold => ({ at, reached: gate(), release: gate() });

/** One engine: a worker running the incident job handlers, each handler run tracked until it settles. */
export interface EngineOptions {
  t: TestDb;
  account: FakeAccount;
  workerId: string;
  db: Db;
  holds: Map<string, Hold>;
  leaseMs: number;
  /** Where the engine puts its stop, for the test's afterEach. */
  closers: (() => Promise<void>)[];
}

export function startEngine({ t, account, workerId, db, holds, leaseMs, closers }: EngineOptions) {
  const outcomes: string[] = [];
  const deps = makeDeps(t, account, { db, playbooks: pausingRuntime(account, holds, outcomes) });
  const runs: Promise<unknown>[] = [];
  const errors: string[] = [];
  const signals: AbortSignal[] = [];
  const handlers = Object.fromEntries(
    Object.entries(incidentJobHandlers(deps)).map(([kind, handler]) => [
      kind,
      ((job, ctx) => {
        signals.push(ctx.signal);
        const run = handler(job, ctx).catch((err: unknown) => {
          errors.push((err as { code?: string }).code ?? String(err));
          throw err;
        });
        runs.push(run.catch(() => undefined));
        return run;
      }) satisfies JobHandler,
    ]),
  );
  const worker: Worker = createWorker({
    db,
    logger: silentLogger(),
    workerId,
    leaseMs,
    pollIntervalMs: 10,
    backoffMs: () => 0,
    handlers,
  });
  closers.push(() => worker.stop({ graceMs: 0 }));
  worker.start();
  return { worker, outcomes, errors, signals, settled: () => Promise.all(runs) };
}
