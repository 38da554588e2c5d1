// Opens an incident of the fake playbook through the use cases and runs its discovery, for tests.

import { listSteps } from '../../src/db/repos/steps-repo.js';
import type { Step } from '../../src/domain/types.js';
import { approveStep } from '../../src/incidents/decide-step.js';
import type { UseCaseDeps } from '../../src/incidents/deps.js';
import { launchDiscovery, startIncident } from '../../src/incidents/start-incident.js';
import { listSealedSecrets } from '../../src/secrets/list-sealed-secrets.js';
import { drainJobs } from '../support/drain-jobs.js';

/** The value the fake playbook generates (and seals) for +15550100. */
export const FAKE_SECRET = 'S3cr3t-Value-xyz';

/** An incident requested by UAPPROVER1, discovered: its three steps by role. */
export async function openFakeIncident(deps: UseCaseDeps, options: { rehearsal?: boolean } = {}) {
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: null,
    rehearsal: options.rehearsal ?? false,
    requestedBy: 'UAPPROVER1',
  });
  await launchDiscovery(deps, incident.id);
  await drainJobs(deps);
  const steps = await listSteps(deps.db, incident.id);
  const byKey = (k: string) => steps.find((s) => s.stepKey === k) as Step;
  return {
    incident,
    forwarding: byKey('test.disable-forwarding'),
    manual: byKey('test.change-password'),
    clean: byKey('test.review-nothing'),
  };
}

/** The forwarding plan approved by UAPPROVER2 and UAPPROVER3 and executed: one credential sealed. */
export async function executedForwarding(deps: UseCaseDeps) {
  const opened = await openFakeIncident(deps);
  const digest = opened.forwarding.planDigest!;
  for (const userId of ['UAPPROVER2', 'UAPPROVER3'])
    await approveStep(deps, { stepId: opened.forwarding.id, userId, digest });
  await drainJobs(deps);
  const [secret] = await listSealedSecrets(deps.db, { stepId: opened.forwarding.id });
  return { ...opened, secretId: secret!.id };
}
