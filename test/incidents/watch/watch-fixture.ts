// An incident of the fake playbook remediated through the use cases, with a watch and a movable clock.
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import { findWatch } from '../../../src/db/repos/watch-repo.js';
import type { Step } from '../../../src/domain/types.js';
import { approveStep } from '../../../src/incidents/decide-step.js';
import { markStepDone, skipStep } from '../../../src/incidents/settle-step.js';
import { launchDiscovery, startIncident } from '../../../src/incidents/start-incident.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import type { TestDb } from '../../support/test-db.js';

export const HOUR = 3_600_000;

/** Deps whose clock the test moves (`clock.at += HOUR`), with a 72 h watch every 15 minutes. */
export function watchedDeps(t: TestDb, account = new FakeAccount()) {
  const clock = { at: Date.parse('2026-12-01T10:00:00Z') };
  const deps = makeDeps(t, account, {
    now: () => new Date(clock.at),
    watch: { hours: 72, intervalMinutes: 15 },
  });
  return { deps, account, clock };
}

/**
 * Opens the incident and settles every step: forwarding approved by two approvers and executed
 * (or skipped, accepted as it is), the clean review and the manual step marked done.
 */
export async function remediated(
  deps: ReturnType<typeof makeDeps>,
  options: { skipForwarding?: boolean; watchHours?: number } = {},
) {
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: null,
    rehearsal: false,
    requestedBy: 'UAPPROVER1',
    ...(options.watchHours !== undefined ? { watchHours: options.watchHours } : {}),
  });
  await launchDiscovery(deps, incident.id);
  await drainJobs(deps);
  const step = async (key: string) =>
    (await listSteps(deps.db, incident.id)).find((s) => s.stepKey === key) as Step;
  const forwarding = await step('test.disable-forwarding');
  if (options.skipForwarding) {
    await skipStep(deps, { stepId: forwarding.id, userId: 'UAPPROVER2', reason: 'our own test forwarding' });
  } else {
    for (const userId of ['UAPPROVER2', 'UAPPROVER3'])
      await approveStep(deps, { stepId: forwarding.id, userId, digest: forwarding.planDigest! });
  }
  await markStepDone(deps, { stepId: (await step('test.review-nothing')).id, userId: 'UAPPROVER1' });
  await markStepDone(deps, { stepId: (await step('test.change-password')).id, userId: 'UAPPROVER1' });
  const ran = await drainJobs(deps);
  return { incident, ran, watch: await findWatch(deps.db, incident.id) };
}
