import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import { launchDiscovery, startIncident } from '../../../src/incidents/start-incident.js';
import { scheduleBaselineIfSettled } from '../../../src/incidents/watch/schedule-baseline.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { createTestDb, type TestDb, usingPostgres } from '../../support/test-db.js';
import { watchedDeps } from './watch-fixture.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

// Only PostgreSQL runs two transactions at once; PGlite has one connection and serialises them.
describe.runIf(usingPostgres)('queueing the watch baseline', () => {
  it('when the last two automated steps settle in two transactions at once, then the baseline is still queued, once', async () => {
    const { deps } = watchedDeps(t);
    const { incident } = await startIncident(deps, {
      provider: 'telnyx',
      label: 'acme',
      since: null,
      rehearsal: false,
      requestedBy: 'UAPPROVER1',
    });
    await launchDiscovery(deps, incident.id);
    await drainJobs(deps);
    const automated = (await listSteps(t.db, incident.id)).filter((s) => s.kind === 'automated');
    expect(automated).toHaveLength(2);
    // Each transaction settles its step, then waits until the other has settled its own (not yet
    // committed) before it asks whether everything is settled: the write skew of two settles at once.
    const settled: (() => void)[] = [];
    const bothSettled = Promise.all(automated.map(() => new Promise<void>((r) => settled.push(r))));
    await Promise.all(
      automated.map((step, i) =>
        t.db.transaction(async (tx) => {
          await tx.query(`UPDATE steps SET state = 'done' WHERE id = $1`, [step.id]);
          settled[i]!();
          await bothSettled;
          await scheduleBaselineIfSettled(tx, incident.id);
        }),
      ),
    );
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = 'watch.baseline'`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
