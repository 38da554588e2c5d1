import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import { startIncident } from '../../../src/incidents/start-incident.js';
import { loadProgressView } from '../../../src/incidents/views/load-progress-view.js';
import { loadStepView, NO_APPROVERS_NOTE } from '../../../src/incidents/views/load-step-view.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const NOW = new Date('2026-11-02T10:00:00Z');

async function forwardingStep(deps: ReturnType<typeof makeDeps>, rehearsal = false) {
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: null,
    rehearsal,
    requestedBy: 'UAPPROVER1',
  });
  const steps = await listSteps(t.db, incident.id);
  return { incident, step: steps.find((s) => s.stepKey === 'test.disable-forwarding')! };
}

describe('step and progress views', () => {
  it.each([
    {
      who: 'no approver and no group',
      over: { approverIds: [], hasApproverGroup: false },
      note: NO_APPROVERS_NOTE,
    },
    {
      who: 'only an approver group',
      over: { approverIds: [], hasApproverGroup: true },
      note: 'High risk: needs 2',
    },
    { who: 'a list of approvers', over: {}, note: 'High risk: needs 2' },
  ])('when $who is configured, then a real high-risk card says "$note"', async ({ over, note }) => {
    const deps = makeDeps(t, new FakeAccount(), over);
    const { step } = await forwardingStep(deps);
    const view = await loadStepView(deps, step.id, { now: NOW, realAccountWarnings: false });
    expect(view.policyNote).toContain(note);
    expect(view.definition.title).toBe('Disable suspicious forwarding');
    expect(view.needed).toBe(2);
  });

  it('when real-account warnings are on, then only a real incident’s card carries one', async () => {
    const deps = makeDeps(t, new FakeAccount());
    const real = await forwardingStep(deps);
    const rehearsal = await forwardingStep(deps, true);
    const options = { now: NOW, realAccountWarnings: true };
    expect((await loadStepView(deps, real.step.id, options)).realAccountWarning).toBe(true);
    expect((await loadStepView(deps, rehearsal.step.id, options)).realAccountWarning).toBe(false);
  });

  it('when the progress view is loaded, then every step comes with its title, in order', async () => {
    const deps = makeDeps(t, new FakeAccount());
    const { incident } = await forwardingStep(deps);
    const view = await loadProgressView(deps, incident.id, { now: NOW, delayedBySlack: true });
    expect(view.steps.map((s) => s.title)).toEqual([
      'Change the password',
      'Disable suspicious forwarding',
      'Review something clean',
    ]);
    expect(view.delayedBySlack).toBe(true);
  });
});
