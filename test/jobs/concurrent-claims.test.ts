import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { createPgDb } from '../../src/db/pg-db.js';
import { createWorker } from '../../src/jobs/create-worker.js';
import { claimJob, completeJob, enqueueJob } from '../../src/jobs/queue.js';
import { silentLogger } from '../../src/util/logger.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { waitFor } from './job-test-helpers.js';

let t: TestDb;
const extraDbs: Db[] = [];
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await Promise.all(extraDbs.splice(0).map((db) => db.close()));
  await t.cleanup();
});

/** On PostgreSQL a pool of its own, as a second process would have; PGlite has only the one. */
function secondDb(): Db {
  if (!t.schema || !process.env.DATABASE_URL) return t.db;
  const db = createPgDb({ connectionString: process.env.DATABASE_URL, schema: t.schema, max: 4 });
  extraDbs.push(db);
  return db;
}

async function enqueueMany(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await enqueueJob(t.db, { kind: 'count', payload: { i } }))!.id);
  return ids;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));

describe('concurrent claims', () => {
  it('when two workers drain 30 jobs, then every job runs exactly once and ends done', async () => {
    const ids = await enqueueMany(30);
    const runs = new Map<number, string[]>();
    const workers = [t.db, secondDb()].map((db, n) =>
      createWorker({
        db,
        logger: silentLogger(),
        workerId: `worker-${n}`,
        pollIntervalMs: 10,
        leaseMs: 30_000,
        handlers: {
          count: async (job) => {
            runs.set(job.id, [...(runs.get(job.id) ?? []), job.lockedBy ?? '?']);
            await pause();
          },
        },
      }),
    );
    for (const w of workers) w.start();
    try {
      await waitFor('all 30 jobs done', async () => {
        const { rows } = await t.db.query<{ n: number }>(
          "SELECT count(*) AS n FROM jobs WHERE state = 'done'",
        );
        return rows[0]!.n === 30;
      });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(ids);
    expect([...runs.values()].filter((who) => who.length !== 1)).toEqual([]);
  });

  it('when eight claim loops race over 30 jobs, then no job is handed out twice', async () => {
    const ids = await enqueueMany(30);
    const dbs = [t.db, secondDb()];
    const claimed: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const db = dbs[n % dbs.length]!;
        const workerId = `loop-${n}`;
        for (let job = await claimJob(db, { workerId, leaseMs: 30_000 }); job; ) {
          claimed.push(job.id);
          await pause();
          expect(await completeJob(db, job.id, workerId)).toBe(true);
          job = await claimJob(db, { workerId, leaseMs: 30_000 });
        }
      }),
    );
    expect([...claimed].sort((a, b) => a - b)).toEqual(ids);
  });
});
