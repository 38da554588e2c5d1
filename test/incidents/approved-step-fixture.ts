// An approved forwarding step with its EXECUTE job queued, written straight to the database.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../src/db/db.js';
import { insertIncident } from '../../src/db/repos/incidents-repo.js';
import { listPlanActions, savePlan } from '../../src/db/repos/plans-repo.js';
import { insertStep, updateStep } from '../../src/db/repos/steps-repo.js';
import { EXECUTE_JOB, executeKey } from '../../src/domain/job-kinds.js';
import { planDigest } from '../../src/domain/plan-digest.js';
import type { PlanAction } from '../../src/domain/types.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import type { AutomatedStepDefinition } from '../../src/playbooks/types.js';
import { silentLogger } from '../../src/util/logger.js';
import { type FakeAccount, fakeSteps } from '../support/fake-playbook.js';

export const FORWARDING_STEP = 'test.disable-forwarding';

export interface ApprovedStep {
  incidentId: string;
  stepId: string;
  digest: string;
  jobId: number;
  actions: PlanAction[];
}

/**
 * The fake playbook's forwarding step as discovery would leave it and two approvals would move it
 * on: approved, its plan stored (one action per forwarding number), one EXECUTE job queued.
 */
export async function approvedForwardingStep(q: Queryable, account: FakeAccount): Promise<ApprovedStep> {
  const incident = await insertIncident(q, {
    id: randomUUID(),
    provider: 'telnyx',
    label: 'fence',
    rehearsal: false,
    requestedBy: 'UREQ',
    since: null,
  });
  const definition = fakeSteps().find(
    (s) => s.id === FORWARDING_STEP,
  ) as AutomatedStepDefinition<FakeAccount>;
  const discovery = await definition.discover({
    client: account,
    since: null,
    trusted: { hosts: [], ips: [], numbers: [] },
    logger: silentLogger(),
  });
  const digest = planDigest(discovery.actions);
  const step = await insertStep(q, {
    id: randomUUID(),
    incidentId: incident.id,
    position: 0,
    stepKey: FORWARDING_STEP,
    kind: 'automated',
    risk: 'high',
    state: 'approved',
  });
  await savePlan(q, step.id, digest, discovery.summary, discovery.actions);
  await updateStep(q, step.id, { planDigest: digest, findings: discovery.findings });
  const job = await enqueueJob(q, {
    kind: EXECUTE_JOB,
    payload: { stepId: step.id, digest },
    dedupeKey: executeKey(step.id, digest),
  });
  return {
    incidentId: incident.id,
    stepId: step.id,
    digest,
    jobId: job!.id,
    actions: await listPlanActions(q, step.id, digest),
  };
}
