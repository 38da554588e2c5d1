import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { createWorker, type Worker, type WorkerOptions } from '../../src/jobs/create-worker.js';
import { silentLogger } from '../../src/util/logger.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

export interface WorkerHarness {
  /** This test's isolated database. */
  readonly db: Db;
  /** Creates and starts a worker with test-sized timings (20 ms polls, no backoff); stopped after the test. */
  start(options: Partial<WorkerOptions> & Pick<WorkerOptions, 'handlers'>): Worker;
}

/** Registers the hooks that give each test a fresh database and stop its workers afterwards. */
export function useWorkerHarness(): WorkerHarness {
  let t: TestDb | undefined;
  const workers: Worker[] = [];
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop({ graceMs: 0 })));
    await t?.cleanup();
  });
  return {
    get db() {
      if (!t) throw new Error('the harness database exists only inside a test');
      return t.db;
    },
    start(options) {
      const worker = createWorker({
        db: this.db,
        logger: silentLogger(),
        pollIntervalMs: 20,
        leaseMs: 60_000,
        backoffMs: () => 0,
        ...options,
      });
      workers.push(worker);
      worker.start();
      return worker;
    },
  };
}
