// The post-remediation watch of a real bot process: its schedule outlives a kill -9, and two replicas raise an alert once.
import { describe, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import type { TelnyxSimulator } from '../../src/sandbox/telnyx/index.js';
import { messageText, progressText, squeezed } from './support/cards.js';
import { openIncident, settleEveryStep, WAIT_MS } from './support/drive-incident.js';
import { hangNth } from './support/hang-nth.js';
import { startReplica } from './support/replica.js';
import { startedWorld, type World } from './support/world.js';

/** The watch re-runs discovery every 1.2 s (RECLAIM_WATCH_INTERVAL_MINUTES has no clock seam from outside the process). */
const WATCH_ENV = { RECLAIM_WATCH_INTERVAL_MINUTES: '0.02', RECLAIM_WATCH_HOURS: '1' };
/** A small account: the remediation before the watch is what takes the time. */
const SEED = { numbers: 6, forwarding: 1, credentialConnections: 2 };
const onPostgres = Boolean(process.env.DATABASE_URL);

/** The watch's completed runs as the pinned progress card counts them; null before it watches. */
function watchRuns(world: World, channel: string): number | null {
  const line = /Watching the account[^\n]*\((\d+) runs?[,)]/.exec(progressText(world.fs, channel));
  return line ? Number(line[1]) : null;
}

function waitForRuns(world: World, channel: string, atLeast: number): Promise<number> {
  return world.fs.waitFor(
    () => {
      const runs = watchRuns(world, channel);
      return runs !== null && runs >= atLeast ? runs : null;
    },
    { timeoutMs: WAIT_MS, description: `the progress card counts ${atLeast} watch runs` },
  );
}

/** Remediates the seeded incident through the cards and waits for the watch's first run. */
async function remediatedAndWatched(world: World): Promise<string> {
  const { channel } = await openIncident(world);
  await settleEveryStep(world, channel.id);
  await waitForRuns(world, channel.id, 1);
  return channel.id;
}

/** The attacker comes back: a number that did not forward now forwards to a premium-rate prefix. */
function plantForwarding(sim: TelnyxSimulator): string {
  const number = sim.state.phoneNumbers.find((n) => n.voice.call_forwarding.forwards_to === '');
  if (!number) throw new Error('the seeded account has no number without forwarding');
  number.voice.call_forwarding = {
    call_forwarding_enabled: true,
    forwarding_type: 'always',
    forwards_to: '+882130001234',
  };
  number.updated_at = new Date().toISOString();
  return number.phone_number;
}

/** Each recorded run of the watch, in order, from the audit log (a run recorded twice shows twice). */
async function recordedRuns(db: Db): Promise<number[]> {
  const { rows } = await db.query<{ run: number }>(
    `SELECT (payload->>'run')::int AS run FROM audit_log
      WHERE action IN ('watch.run', 'watch.run_failed') ORDER BY seq`,
  );
  return rows.map((r) => r.run);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the watch across restarts and replicas, the bot running as its own process', () => {
  it.concurrent('when the bot is killed -9 in the middle of a watch run and started again on the same database, then that run is taken again, the schedule carries on to the same end, and no run is recorded twice', {
    timeout: 120_000,
  }, async ({ expect, onTestFinished }) => {
    const world = await startedWorld(onTestFinished, { seed: SEED, env: WATCH_ENV });
    const { fs, sim } = world;
    const channel = await remediatedAndWatched(world);
    const until = /Watching the account\* until (.+?), every /.exec(progressText(fs, channel))?.[1];
    expect(until).toBeTruthy();

    // The next run's first read of the numbers hangs: the bot is killed while the run is under way.
    hangNth(sim, 1, (req) => req.route === 'GET /phone_numbers', { afterApply: false });
    await fs.waitFor(() => sim.faults.hangingCount === 1, {
      timeoutMs: WAIT_MS,
      description: 'a watch run is reading the account',
    });
    const before = watchRuns(world, channel) ?? 0;
    expect((await world.crash()).signal).toBe('SIGKILL');
    sim.faults.releaseHanging();
    await world.start();

    const after = await waitForRuns(world, channel, before + 2);
    expect(progressText(fs, channel)).toContain(`Watching the account* until ${until}, every `);
    expect(progressText(fs, channel)).toMatch(/no alert so far/);
    expect((await world.stop()).code).toBe(0);
    await world.withDb(async (db) => {
      const runs = await recordedRuns(db);
      // Every run once, in order, none lost at the crash.
      expect(runs).toEqual(oneToN(runs.length));
      expect(runs.length).toBeGreaterThanOrEqual(after);
      // The run cut short by the kill was claimed again (its lease ran out) and recorded once.
      const { rows } = await db.query<{ run: number; attempts: number; state: string }>(
        `SELECT (payload->>'run')::int AS run, attempts, state FROM jobs
            WHERE kind = 'watch.run' AND attempts > 1`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ attempts: 2, state: 'done' });
      expect(rows[0]!.run).toBeGreaterThan(before);
    });
  });

  (onPostgres ? it.concurrent : it.concurrent.skip)(
    'when two bot processes share the PostgreSQL database and the attacker plants a forwarding again, then exactly one alert is raised, once, and both replicas took watch runs (PostgreSQL only: PGlite is one process’s database)',
    { timeout: 120_000 },
    async ({ expect, onTestFinished }) => {
      const world = await startedWorld(onTestFinished, { seed: SEED, env: WATCH_ENV });
      const { fs, sim } = world;
      const channel = await remediatedAndWatched(world);
      const replica = await startReplica(world, onTestFinished);

      // Both processes' workers take the watch's runs from the one queue.
      const workers = () =>
        world.withDb(async (db) => {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(DISTINCT locked_by)::int AS n FROM jobs WHERE kind = 'watch.run' AND state = 'done'`,
          );
          return rows[0]?.n ?? 0;
        });
      const deadline = Date.now() + WAIT_MS;
      while ((await workers()) < 2) {
        if (Date.now() > deadline) throw new Error('the replica never took a watch run');
        await new Promise((r) => setTimeout(r, 250));
      }

      const planted = plantForwarding(sim);
      const alerts = () => fs.messages(channel).filter((m) => /^\d+\. Watch alert/.test(m.text));
      const calls = () =>
        fs.messages(channel).filter((m) => m.text.startsWith('🚨 ') && m.text.includes('the watch found'));
      await fs.waitFor(() => calls().length > 0, {
        timeoutMs: WAIT_MS,
        description: 'the alert calls the approvers',
      });
      const raisedAt = watchRuns(world, channel) ?? 0;
      // Several more runs on either replica: the planted forwarding is still there, and still one alert.
      await waitForRuns(world, channel, raisedAt + 4);
      expect(alerts()).toHaveLength(1);
      expect(calls()).toHaveLength(1);
      expect(squeezed(messageText(alerts()[0]!))).toContain(`${planted}forwardsto+882130001234`);
      expect(progressText(fs, channel)).toMatch(/🚨 1 alert so far/);
      expect(replica.done).toBe(false);
      await world.withDb(async (db) => {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM watch_alerts`);
        expect(rows).toEqual([{ n: 1 }]);
        const runs = await recordedRuns(db);
        expect(runs).toEqual(oneToN(runs.length));
      });
    },
  );
});
