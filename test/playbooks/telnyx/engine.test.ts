import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../../src/audit/export-audit.js';
import { listSteps } from '../../../src/db/repos/steps-repo.js';
import type { Step } from '../../../src/domain/types.js';
import { approveStep } from '../../../src/incidents/decide-step.js';
import { markStepDone } from '../../../src/incidents/settle-step.js';
import { launchDiscovery, startIncident } from '../../../src/incidents/start-incident.js';
import { formatNumber } from '../../../src/playbooks/kit/phone-numbers.js';
import { TELNYX_STEPS } from '../../../src/playbooks/telnyx/index.js';
import { unresolvedPlantedChanges } from '../../../src/sandbox/telnyx/index.js';
import { drainJobs } from '../../support/drain-jobs.js';
import { FakeAccount, makeDeps } from '../../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';
import { type Harness, harness, runtimeFor, SINCE } from './telnyx-kit.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

async function openIncident(h: Harness) {
  const deps = makeDeps(t, new FakeAccount(), { playbooks: runtimeFor(h) });
  const { incident } = await startIncident(deps, {
    provider: 'telnyx',
    label: 'acme',
    since: SINCE,
    rehearsal: false,
    requestedBy: 'UAPPROVER1',
  });
  await launchDiscovery(deps, incident.id);
  await drainJobs(deps);
  const steps = async () => listSteps(t.db, incident.id);
  return { deps, incident, steps };
}

async function approveAll(deps: ReturnType<typeof makeDeps>, steps: Step[]) {
  for (const s of steps) {
    if (s.kind !== 'automated' || s.state !== 'awaiting_approval' || !s.planDigest) continue;
    // High-risk plans need two distinct approvers, normal ones one.
    for (const userId of ['UAPPROVER2', 'UAPPROVER3']) {
      const out = await approveStep(deps, { stepId: s.id, userId, digest: s.planDigest });
      expect(out.ok, `${s.stepKey}: ${JSON.stringify(out)}`).toBe(true);
      if (out.ok && out.complete) break;
    }
  }
  await drainJobs(deps);
}

describe('the Telnyx playbook run by the incident engine', () => {
  it('when every plan is approved and executed, then the steps end done, the account is clean and no secret reached the audit log', async () => {
    const h = harness();
    const { deps, incident, steps } = await openIncident(h);
    const discovered = await steps();
    expect(discovered.filter((s) => s.kind === 'automated').map((s) => s.state)).toEqual(
      Array(TELNYX_STEPS.filter((s) => s.kind === 'automated').length).fill('awaiting_approval'),
    );
    await approveAll(deps, discovered);

    const after = await steps();
    expect(after.filter((s) => s.kind === 'automated').map((s) => [s.stepKey, s.state])).toEqual(
      after.filter((s) => s.kind === 'automated').map((s) => [s.stepKey, 'done']),
    );
    expect(unresolvedPlantedChanges(h.sim)).toEqual([]);

    const sealed = await t.db.query<{ label: string }>(
      'SELECT label FROM sealed_secrets WHERE incident_id = $1',
      [incident.id],
    );
    const rotated = h.sim.state.credentialConnections.filter((c) => c.active);
    const labels = sealed.rows.map((r) => r.label);
    expect(labels.filter((l) => l.startsWith('SIP')).sort()).toEqual(
      rotated.map((c) => `SIP credentials for connection “${c.connection_name}”`).sort(),
    );
    // One new port-out PIN per number, each sealed for Reveal and nowhere in the audit log.
    expect(labels.filter((l) => l.startsWith('Port-out PIN for ')).sort()).toEqual(
      h.sim.state.phoneNumbers.map((n) => `Port-out PIN for ${formatNumber(n.phone_number)}`).sort(),
    );
    expect(labels.length).toBe(rotated.length + h.sim.state.phoneNumbers.length);
    const audit = JSON.stringify(await exportAudit(t.db, incident.id));
    for (const n of h.sim.state.phoneNumbers) expect(audit).not.toContain(n.external_pin);
    for (const c of h.sim.state.credentialConnections) {
      expect(audit).not.toContain(c.password);
      expect(audit).not.toContain(c.user_name);
    }
  });

  it('when a forwarding write times out after Telnyx applied it, then the engine rechecks instead of writing again and the step ends done', async () => {
    const h = harness(undefined, { timeoutMs: 150 });
    const { deps, steps } = await openIncident(h);
    const forwarding = (await steps()).filter((s) => s.stepKey === 'telnyx.disable-forwarding');
    h.sim.faults.hangNext(1, { afterApply: true });
    await approveAll(deps, forwarding);

    const [done] = (await steps()).filter((s) => s.stepKey === 'telnyx.disable-forwarding');
    expect(done?.state).toBe('done');
    const writes = Object.values(h.sim.stats.snapshot().writes);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((n) => n === 1)).toBe(true);
    expect(unresolvedPlantedChanges(h.sim).filter((c) => c.kind === 'call_forwarding')).toEqual([]);
  });

  it('when the account is already clean, then the review steps show empty plans that the team can mark done', async () => {
    const h = harness();
    const first = await openIncident(h);
    await approveAll(first.deps, await first.steps());

    const second = await openIncident(h);
    const reviews = (await second.steps()).filter((s) =>
      [
        'telnyx.review-ip-connections',
        'telnyx.disable-forwarding',
        'telnyx.review-call-control-apps',
        'telnyx.review-texml-apps',
        'telnyx.set-spend-limits',
      ].includes(s.stepKey),
    );
    expect(reviews).toHaveLength(5);
    for (const s of reviews) {
      expect(s.state).toBe('awaiting_approval');
      const marked = await markStepDone(second.deps, { stepId: s.id, userId: 'UAPPROVER2' });
      expect(marked.ok, s.stepKey).toBe(true);
    }
    expect(
      (await second.steps()).filter((s) => reviews.some((r) => r.id === s.id)).map((s) => s.state),
    ).toEqual(Array(5).fill('done'));
  });
});
