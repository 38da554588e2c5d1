import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/append-audit.js';
import { insertIncident } from '../db/repos/incidents-repo.js';
import { insertStep, listSteps } from '../db/repos/steps-repo.js';
import { insertWatch } from '../db/repos/watch-repo.js';
import { isContainStepKey } from '../domain/containment.js';
import type { Incident, IncidentProvider, Step } from '../domain/types.js';
import type { UseCaseDeps } from './deps.js';
import { incidentConnections } from './incident-connections.js';
import { queueDiscovery } from './queue-step-jobs.js';

export interface StartIncidentInput {
  provider: IncidentProvider;
  label: string;
  since: Date | null;
  rehearsal: boolean;
  requestedBy: string;
  /** The connection labels typed (`telnyx:eu`); per provider the default is the one named after it. */
  connections?: readonly string[];
  /** Hours of post-remediation watch (`--watch`); 0: none; absent: the configured default. */
  watchHours?: number;
}

/**
 * Opens an incident with one step per playbook step, all pending. Contain now's discovery is queued
 * in the same transaction, before the channel and the cards exist (every second counts); the rest
 * starts with launchDiscovery once the cards are posted.
 */
export async function startIncident(
  deps: Pick<UseCaseDeps, 'db' | 'playbooks' | 'watch'>,
  input: StartIncidentInput,
): Promise<{ incident: Incident; steps: Step[] }> {
  const definitions = deps.playbooks.stepsFor(input);
  // A rehearsal works on its simulators; a real incident names its connection for each provider.
  const connections = input.rehearsal ? [] : incidentConnections(input.provider, input.connections);
  return deps.db.transaction(async (tx) => {
    const { watchHours, ...fields } = input;
    const incident = await insertIncident(tx, { id: randomUUID(), ...fields, connections });
    const hours = watchHours ?? deps.watch?.hours ?? 0;
    if (deps.watch && hours > 0) {
      await insertWatch(tx, { incidentId: incident.id, hours, intervalMinutes: deps.watch.intervalMinutes });
    }
    for (const [position, d] of definitions.entries()) {
      const step = await insertStep(tx, {
        id: randomUUID(),
        incidentId: incident.id,
        position,
        stepKey: d.id,
        kind: d.kind,
        risk: d.risk,
        state: 'pending',
      });
      if (isContainStepKey(d.id)) {
        await queueDiscovery(tx, step);
      }
    }
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.requestedBy,
      action: 'incident.opened',
      payload: {
        provider: input.provider,
        label: input.label,
        rehearsal: input.rehearsal,
        since: input.since?.toISOString() ?? null,
        connections,
        steps: definitions.map((d) => d.id),
        ...(deps.watch ? { watchHours: hours } : {}),
      },
    });
    return { incident, steps: await listSteps(tx, incident.id) };
  });
}

/**
 * Queues discovery for every automated step still pending (called once the cards are posted, and
 * again at start-up for incidents a crash interrupted; the dedupe key keeps it to one job a step).
 */
export async function launchDiscovery(deps: Pick<UseCaseDeps, 'db'>, incidentId: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const steps = await listSteps(tx, incidentId);
    let queued = 0;
    for (const step of steps) {
      if (step.kind !== 'automated' || step.state !== 'pending') continue;
      const job = await queueDiscovery(tx, step);
      if (job) queued += 1;
    }
    return queued;
  });
}
