// discoverStep and the abort signal: once the worker lost the job (or stops), discovery records nothing; and the context it reads with.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { insertIncident } from '../../src/db/repos/incidents-repo.js';
import { getStep, insertStep } from '../../src/db/repos/steps-repo.js';
import { discoverStep } from '../../src/incidents/discover-step.js';
import type { AutomatedStepDefinition } from '../../src/playbooks/types.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { FORWARDING_STEP } from './approved-step-fixture.js';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
let incidentId: string;
let stepId: string;
beforeEach(async () => {
  t = await createTestDb();
  deps = makeDeps(t, new FakeAccount());
  const incident = await insertIncident(t.db, {
    id: randomUUID(),
    provider: 'telnyx',
    label: 'signal',
    rehearsal: false,
    requestedBy: 'UREQ',
    since: null,
  });
  incidentId = incident.id;
  const step = await insertStep(t.db, {
    id: randomUUID(),
    incidentId,
    position: 0,
    stepKey: FORWARDING_STEP,
    kind: 'automated',
    risk: 'high',
    state: 'pending',
  });
  stepId = step.id;
});
afterEach(() => t.cleanup());

const lost = () => Object.assign(new Error('job 1 is no longer held'), { code: 'job_lease_lost' });

describe('discoverStep and the abort signal', () => {
  it('when the signal is already aborted, then it throws and the step stays pending', async () => {
    const controller = new AbortController();
    controller.abort(lost());
    await expect(discoverStep(deps, stepId, { signal: controller.signal })).rejects.toMatchObject({
      code: 'job_lease_lost',
    });
    expect((await getStep(t.db, stepId)).state).toBe('pending');
  });

  it('when the lease is lost while the provider is read, then neither a plan nor a failure is recorded', async () => {
    const controller = new AbortController();
    const definition = deps.playbooks.definition(FORWARDING_STEP) as AutomatedStepDefinition;
    const discover = definition.discover.bind(definition);
    definition.discover = async (ctx) => {
      const found = await discover(ctx);
      controller.abort(lost());
      return found;
    };
    await expect(discoverStep(deps, stepId, { signal: controller.signal })).rejects.toMatchObject({
      code: 'job_lease_lost',
    });
    const step = await getStep(t.db, stepId);
    expect(step).toMatchObject({ state: 'discovering', planDigest: null, error: null });
    expect((await exportAudit(t.db, incidentId)).map((e) => e.action)).toEqual([]);
  });

  it('when the read fails because the worker stopped, then the step is not failed', async () => {
    const controller = new AbortController();
    const definition = deps.playbooks.definition(FORWARDING_STEP) as AutomatedStepDefinition;
    definition.discover = async () => {
      controller.abort(lost());
      throw new Error('This operation was aborted');
    };
    await expect(discoverStep(deps, stepId, { signal: controller.signal })).rejects.toMatchObject({
      code: 'job_lease_lost',
    });
    expect((await getStep(t.db, stepId)).state).toBe('discovering');
  });

  it('when a step is discovered, then its context is asked for as a discovery (the reads the incident shares)', async () => {
    const purposes: unknown[] = [];
    const contextFor = deps.playbooks.contextFor.bind(deps.playbooks);
    deps.playbooks.contextFor = (incident, key, purpose) => {
      purposes.push(purpose);
      return contextFor(incident, key, purpose);
    };
    await discoverStep(deps, stepId);
    expect(purposes).toEqual([{ discovery: true }]);
  });

  it("when the last of the incident's steps is discovered, then the reads they shared are let go; not before, and also after a failure", async () => {
    const ended: string[] = [];
    deps.playbooks.discoveryEnded = (id) => void ended.push(id);
    const second = await insertStep(t.db, {
      id: randomUUID(),
      incidentId,
      position: 1,
      stepKey: 'test.review-nothing',
      kind: 'automated',
      risk: 'normal',
      state: 'pending',
    });
    await discoverStep(deps, stepId);
    expect(ended).toEqual([]);
    const definition = deps.playbooks.definition('test.review-nothing') as AutomatedStepDefinition;
    definition.discover = async () => {
      throw new Error('provider down');
    };
    expect(await discoverStep(deps, second.id)).toBe('failed');
    expect(ended).toEqual([incidentId]);
  });
});
