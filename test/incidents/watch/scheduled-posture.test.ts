import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStore } from '../../../src/connections/connection-store.js';
import type { Connection } from '../../../src/domain/connection.js';
import type { PostureReport } from '../../../src/domain/posture.js';
import type { IncidentNotifier } from '../../../src/incidents/deps.js';
import { runScheduledPosture, schedulePosture } from '../../../src/incidents/watch/scheduled-posture.js';
import { enqueueJob } from '../../../src/jobs/queue.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const CRON = '0 8 * * *';
const DAY1 = '2026-12-02T08:00:00.000Z';
const DAY2 = '2026-12-03T08:00:00.000Z';

interface PostureJob {
  id: number;
  state: string;
  at: string;
  cron: string;
}

const postureJobs = async () =>
  (
    await t.db.query<PostureJob>(
      `SELECT id, state, payload->>'at' AS at, payload->>'cron' AS cron FROM jobs
        WHERE kind = 'posture.check' ORDER BY id`,
    )
  ).rows;

/** Deps with one connection, the schedule configured, a clock at `now` and a notifier recording what it posts. */
function scheduledDeps(
  now: string,
  posture: { cron: string; channel: string } | null = { cron: CRON, channel: 'CSEC' },
) {
  const posted: { channel: string; reports: readonly PostureReport[] }[] = [];
  const notifier: IncidentNotifier = {
    stepChanged: () => undefined,
    incidentChanged: () => undefined,
    postureChecked: async (channel, reports) => {
      posted.push({ channel, reports });
    },
  };
  const telnyx = { label: 'telnyx', provider: 'telnyx' } as Connection;
  const connections = { list: async () => [telnyx] } as unknown as ConnectionStore;
  const deps = makeDeps(t, new FakeAccount(), {
    now: () => new Date(now),
    notifier,
    connections,
    ...(posture ? { posture } : {}),
  });
  return { deps, posted };
}

describe('the scheduled posture check (RECLAIM_POSTURE_CRON)', () => {
  it('when two replicas start, then one job waits for the next time the cron expression names', async () => {
    const now = new Date('2026-12-02T07:00:00Z');
    expect(await schedulePosture(t.db, CRON, now, now)).not.toBeNull();
    expect(await schedulePosture(t.db, CRON, now, now)).toBeNull();
    expect(await postureJobs()).toEqual([expect.objectContaining({ state: 'queued', at: DAY1, cron: CRON })]);
  });

  it('when its job runs, then the next time is queued, every connection’s report is posted in the channel, and that time is never checked twice', async () => {
    await schedulePosture(t.db, CRON, new Date('2026-12-02T07:00:00Z'), new Date('2026-12-02T07:00:00Z'));
    const [job] = await postureJobs();
    const { deps, posted } = scheduledDeps('2026-12-02T08:00:01Z');
    expect(await runScheduledPosture(deps, { at: DAY1, cron: CRON }, job!.id)).toBe('posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.channel).toBe('CSEC');
    expect(posted[0]!.reports.map((r) => r.label)).toEqual(['telnyx']);
    const forwarding = posted[0]!.reports[0]!.steps.find((s) => s.stepKey === 'test.disable-forwarding');
    expect(forwarding?.risky.map((f) => f.resource)).toEqual(['+15550100', '+15550102']);
    await t.db.query(`UPDATE jobs SET state = 'done' WHERE id = $1`, [job!.id]);
    expect((await postureJobs()).map((j) => [j.state, j.at])).toEqual([
      ['done', DAY1],
      ['queued', DAY2],
    ]);
    const audit = await t.db.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE action = 'posture.checked'`,
    );
    expect(audit.rows).toEqual([{ actor: 'reclaim' }]);

    // A replica whose clock lags asks for the same time again: it was checked, so no job, no post.
    expect(await schedulePosture(t.db, CRON, new Date('2026-12-02T07:59:59Z'))).toBeNull();
    const again = await enqueueJob(t.db, {
      kind: 'posture.check',
      payload: { at: DAY1, cron: CRON },
      dedupeKey: `posture:${DAY1}`,
    });
    expect(await runScheduledPosture(deps, { at: DAY1, cron: CRON }, again!.id)).toBe('not_needed');
    expect(posted).toHaveLength(1);
  });

  it('when the schedule changed since the job was queued (another expression, or none), then it posts nothing', async () => {
    const other = scheduledDeps('2026-12-02T08:00:01Z', { cron: '0 9 * * *', channel: 'CSEC' });
    expect(await runScheduledPosture(other.deps, { at: DAY1, cron: CRON }, 1)).toBe('not_needed');
    const none = scheduledDeps('2026-12-02T08:00:01Z', null);
    expect(await runScheduledPosture(none.deps, { at: DAY1, cron: CRON }, 1)).toBe('not_needed');
    expect([...other.posted, ...none.posted]).toEqual([]);
    expect(await postureJobs()).toEqual([]);
  });

  it('when the worker runs a due check, then it is posted once and the next one waits; a post that fails fails the job', async () => {
    const late = new Date('2026-12-02T08:00:05Z');
    await schedulePosture(t.db, CRON, new Date('2026-12-02T07:00:00Z'), late);
    const { deps, posted } = scheduledDeps(late.toISOString());
    expect(await drainJobs(deps)).toEqual(['posture.check']);
    expect(posted).toHaveLength(1);
    expect((await postureJobs()).at(-1)).toMatchObject({ state: 'queued', at: DAY2 });

    const failing = scheduledDeps(late.toISOString());
    failing.deps.notifier.postureChecked = async () => {
      throw new Error('channel_not_found');
    };
    await expect(runScheduledPosture(failing.deps, { at: DAY2, cron: CRON }, 0)).rejects.toThrow(
      'channel_not_found',
    );
  });
});
