import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../audit/append-audit.js';
import type { Queryable } from '../../db/db.js';
import { markIncidentReopened } from '../../db/repos/incidents-repo.js';
import { savePlan } from '../../db/repos/plans-repo.js';
import { insertStep, nextStepPosition } from '../../db/repos/steps-repo.js';
import { insertWatchAlert } from '../../db/repos/watch-repo.js';
import { planDigest } from '../../domain/plan-digest.js';
import type { Finding, Incident, Risk } from '../../domain/types.js';
import { alertStepKey } from '../../domain/watch.js';
import type { Discovery } from '../../playbooks/types.js';
import { applyEvent } from '../apply-event.js';

export interface AlertInput {
  incident: Incident;
  stepKey: string;
  risk: Risk;
  run: number;
  /** What the run's discovery saw, and which of its suspicious findings are new. */
  discovery: Discovery;
  fresh: Finding[];
  at: Date;
}

/**
 * In the run's transaction: a new step card for what came back, already discovered, awaiting the
 * same approvals as its playbook step. Its plan is the discovery's actions on the new resources
 * only (what the team accepted is not touched again); an alert with nothing to change is reviewed
 * by hand (Mark done). A closed incident is opened again, and both are audited.
 */
export async function raiseAlert(
  tx: Queryable,
  input: AlertInput,
): Promise<{ stepId: string; reopened: boolean }> {
  const { incident, fresh } = input;
  const resources = new Set(fresh.map((f) => f.resource));
  const actions = input.discovery.actions.filter((a) => resources.has(a.target));
  const reopened = incident.status === 'closed';
  if (reopened) {
    await markIncidentReopened(tx, incident.id);
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: 'reclaim',
      action: 'incident.reopened',
      payload: { by: 'watch', stepKey: input.stepKey, run: input.run },
    });
  }
  const step = await insertStep(tx, {
    id: randomUUID(),
    incidentId: incident.id,
    position: await nextStepPosition(tx, incident.id),
    stepKey: alertStepKey(input.stepKey, input.run),
    kind: 'automated',
    risk: input.risk,
    state: 'pending',
  });
  const digest = planDigest(actions);
  const noun = fresh.length === 1 ? 'change' : 'changes';
  const summary = `The watch found ${fresh.length} new suspicious ${noun} since the clean-up.`;
  await savePlan(tx, step.id, digest, summary, actions);
  const discovering = await applyEvent(tx, step, { type: 'begin_discovery' });
  await applyEvent(
    tx,
    discovering,
    { type: 'discovered' },
    { planDigest: digest, findings: fresh, error: null },
  );
  await insertWatchAlert(tx, incident.id, {
    stepKey: input.stepKey,
    stepId: step.id,
    run: input.run,
    findings: fresh.map((f) => ({ resource: f.resource, summary: f.summary })),
    seenAt: input.at,
  });
  await appendAudit(tx, {
    incidentId: incident.id,
    actor: 'reclaim',
    action: 'watch.alert',
    payload: {
      stepId: step.id,
      stepKey: input.stepKey,
      run: input.run,
      digest,
      suspicious: fresh.map((f) => f.resource),
      actions: actions.map((a) => a.description),
    },
  });
  return { stepId: step.id, reopened };
}
