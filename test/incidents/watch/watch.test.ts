import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../../src/audit/export-audit.js';
import { listPlanActions } from '../../../src/db/repos/plans-repo.js';
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import { findWatch, listWatchAlerts } from '../../../src/db/repos/watch-repo.js';
import { closeIncident } from '../../../src/incidents/close-incident.js';
import { approveStep } from '../../../src/incidents/decide-step.js';
import { markStepDone } from '../../../src/incidents/settle-step.js';
import { launchDiscovery, startIncident } from '../../../src/incidents/start-incident.js';
import { runWatch } from '../../../src/incidents/watch/run-watch.js';
import { stopWatch } from '../../../src/incidents/watch/stop-watch.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { HOUR, remediated, watchedDeps } from './watch-fixture.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const queuedRuns = async (incidentId: string) =>
  (
    await t.db.query<{ run: string }>(
      `SELECT payload->>'run' AS run FROM jobs WHERE kind = 'watch.run' AND state = 'queued' AND payload->>'incidentId' = $1`,
      [incidentId],
    )
  ).rows.map((r) => Number(r.run));

describe('the post-remediation watch', () => {
  it('when every automated step is settled, then the baseline is recorded, the watch runs until 72 h later and run 1 waits in the job queue', async () => {
    const { deps, clock } = watchedDeps(t);
    const { incident, ran, watch } = await remediated(deps);
    expect(ran).toContain('watch.baseline');
    expect(watch).toMatchObject({ state: 'watching', runs: 0, alerts: 0 });
    expect(watch!.untilAt!.getTime()).toBe(clock.at + 72 * HOUR);
    expect(await queuedRuns(incident.id)).toEqual([1]);
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.map((e) => e.action)).toContain('watch.started');
  });

  it('when a step is still open, then no baseline is taken yet; with --watch 0 there is no watch at all', async () => {
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
    const clean = (await listSteps(t.db, incident.id)).find((s) => s.stepKey === 'test.review-nothing')!;
    await markStepDone(deps, { stepId: clean.id, userId: 'UAPPROVER1' });
    expect(await drainJobs(deps)).not.toContain('watch.baseline');
    expect(await findWatch(t.db, incident.id)).toMatchObject({ state: 'waiting' });

    const off = await remediated(deps, { watchHours: 0 });
    expect(off.watch).toBeNull();
    expect(off.ran).not.toContain('watch.baseline');
  });

  it('when the attacker plants a new forwarding an hour later, then one alert step is raised with only that change planned, and approving it undoes it', async () => {
    const { deps, account, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    expect(account.forwarding.get('+15550100')).toBeNull();
    clock.at += HOUR;
    account.forwarding.set('+15550101', '+88213999');
    const out = await runWatch(deps, incident.id, 1);
    expect(out).toMatchObject({ outcome: 'alerted', alerts: 1 });
    const alerts = await listWatchAlerts(t.db, incident.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.findings).toEqual([{ resource: '+15550101', summary: '+15550101 → +88213999' }]);
    const step = (await listSteps(t.db, incident.id)).find((s) => s.id === alerts[0]!.stepId)!;
    expect(step).toMatchObject({
      stepKey: 'test.disable-forwarding@watch-1',
      state: 'awaiting_approval',
      risk: 'high',
    });
    const plan = await listPlanActions(t.db, step.id, step.planDigest!);
    expect(plan.map((a) => a.target)).toEqual(['+15550101']);
    expect(deps.notifier.alerts).toEqual([step.id]);

    for (const userId of ['UAPPROVER2', 'UAPPROVER3'])
      await approveStep(deps, { stepId: step.id, userId, digest: step.planDigest! });
    await drainJobs(deps);
    expect(account.forwarding.get('+15550101')).toBeNull();
    clock.at += 15 * 60_000;
    expect(await runWatch(deps, incident.id, 2)).toEqual({ outcome: 'clean' });
    expect(await findWatch(t.db, incident.id)).toMatchObject({ runs: 2, alerts: 1, failures: 0 });
  });

  it('when the same finding is still there at the next run, then it is not raised twice while its alert is open', async () => {
    const { deps, account, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    account.forwarding.set('+15550101', '+88213999');
    clock.at += HOUR;
    await runWatch(deps, incident.id, 1);
    clock.at += 15 * 60_000;
    expect(await runWatch(deps, incident.id, 2)).toEqual({ outcome: 'clean' });
    expect(await listWatchAlerts(t.db, incident.id)).toHaveLength(1);
  });

  it('when nothing is planted, then 72 simulated hours of runs raise no alert and the watch ends', async () => {
    const { deps, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    let run = 1;
    for (;;) {
      clock.at += 15 * 60_000;
      const out = await runWatch(deps, incident.id, run);
      if (out.outcome === 'ended') break;
      expect(out).toEqual({ outcome: 'clean' });
      run += 1;
    }
    expect(run - 1).toBe(72 * 4 - 1);
    expect(await findWatch(t.db, incident.id)).toMatchObject({ state: 'ended', alerts: 0 });
    expect(await listWatchAlerts(t.db, incident.id)).toEqual([]);
    expect(await runWatch(deps, incident.id, run + 1)).toEqual({ outcome: 'not_needed' });
  });

  it('when a step was skipped (its finding accepted), then the watch does not raise what was accepted', async () => {
    const { deps, clock } = watchedDeps(t);
    const { incident } = await remediated(deps, { skipForwarding: true });
    clock.at += HOUR;
    expect(await runWatch(deps, incident.id, 1)).toEqual({ outcome: 'clean' });
  });

  it('when the incident was closed, then an alert reopens it, audited', async () => {
    const { deps, account, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    expect(
      await closeIncident(deps, { incidentId: incident.id, userId: 'UAPPROVER1', force: false }),
    ).toMatchObject({ ok: true });
    clock.at += 5 * HOUR;
    account.forwarding.set('+15550102', '+88213999');
    expect(await runWatch(deps, incident.id, 1)).toMatchObject({ outcome: 'alerted' });
    const audit = (await exportAudit(t.db, incident.id)).map((e) => e.action);
    expect(audit).toContain('incident.reopened');
    expect(audit).toContain('watch.alert');
    const reopened = await t.db.query<{ status: string }>('SELECT status FROM incidents WHERE id = $1', [
      incident.id,
    ]);
    expect(reopened.rows[0]!.status).toBe('open');
  });

  it('when two replicas run the same run at once, then the alert is raised once', async () => {
    const { deps, account, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    clock.at += HOUR;
    account.forwarding.set('+15550101', '+88213999');
    const outs = await Promise.all([runWatch(deps, incident.id, 1), runWatch(deps, incident.id, 1)]);
    expect(outs.map((o) => o.outcome).sort()).toEqual(['alerted', 'not_needed']);
    expect(await listWatchAlerts(t.db, incident.id)).toHaveLength(1);
    // The run the test called directly is still queued too; the next one was queued once.
    expect((await queuedRuns(incident.id)).filter((r) => r === 2)).toEqual([2]);
  });

  it('when the provider cannot be read, then the run counts a failure and the next run is still queued', async () => {
    const { deps, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    const broken = {
      ...deps,
      playbooks: { ...deps.playbooks, contextFor: async () => Promise.reject(new Error('socket hang up')) },
    };
    for (const run of [1, 2, 3]) {
      clock.at += 15 * 60_000;
      expect(await runWatch(broken, incident.id, run)).toEqual({ outcome: 'failed' });
    }
    expect(await findWatch(t.db, incident.id)).toMatchObject({ failures: 3, runs: 3 });
    expect(Math.max(...(await queuedRuns(incident.id)))).toBe(4);
    clock.at += 15 * 60_000;
    expect(await runWatch(deps, incident.id, 4)).toEqual({ outcome: 'clean' });
    expect(await findWatch(t.db, incident.id)).toMatchObject({ failures: 0 });
  });

  it('when a non-approver asks to stop the watch, then it is refused; an approver stops it and the queued run does nothing', async () => {
    const { deps, account, clock } = watchedDeps(t);
    const { incident } = await remediated(deps);
    expect(await stopWatch(deps, { incidentId: incident.id, userId: 'URANDOM' })).toMatchObject({
      ok: false,
    });
    expect(await stopWatch(deps, { incidentId: incident.id, userId: 'UAPPROVER2' })).toMatchObject({
      ok: true,
    });
    account.forwarding.set('+15550101', '+88213999');
    clock.at += HOUR;
    expect(await runWatch(deps, incident.id, 1)).toEqual({ outcome: 'not_needed' });
    expect(await stopWatch(deps, { incidentId: incident.id, userId: 'UAPPROVER2' })).toMatchObject({
      ok: false,
      code: 'watch_not_running',
    });
  });
});
