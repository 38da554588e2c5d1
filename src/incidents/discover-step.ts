import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { savePlan } from '../db/repos/plans-repo.js';
import { countStepsToDiscover, getStep } from '../db/repos/steps-repo.js';
import { isContainStepKey } from '../domain/containment.js';
import { normaliseError } from '../domain/errors.js';
import { planDigest } from '../domain/plan-digest.js';
import type { Incident, Step } from '../domain/types.js';
import type { Discovery } from '../playbooks/types.js';
import { applyEvent } from './apply-event.js';
import { containedChanges } from './containment/contained-changes.js';
import type { UseCaseDeps } from './deps.js';

export type DiscoverOutcome = 'discovered' | 'failed' | 'not_needed';

/**
 * The DISCOVER job: reads the provider (read-only), stores findings and the plan with its digest,
 * and puts the step in front of the approvers. A provider error fails the step with a Retry button.
 * Once `signal` is aborted (the worker lost the job, or stops) it records nothing and throws.
 */
export async function discoverStep(
  deps: UseCaseDeps,
  stepId: string,
  options: { signal?: AbortSignal } = {},
): Promise<DiscoverOutcome> {
  const { signal } = options;
  signal?.throwIfAborted();
  const begun = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    const incident = await getIncident(tx, step.incidentId);
    if (incident.status !== 'open' || step.kind !== 'automated') return null;
    if (step.state === 'discovering') return { step, incident }; // resumed after a crash
    if (step.state !== 'pending') return null; // already discovered, skipped, …
    const started = await applyEvent(tx, step, { type: 'begin_discovery' });
    return { step: started, incident };
  });
  if (!begun) return 'not_needed';
  deps.notifier.stepChanged(stepId, begun.incident.id);
  try {
    return await discoverBegun(deps, begun, signal);
  } finally {
    await letSharedReadsGo(deps, begun.incident.id);
  }
}

/** The last of the incident's discoveries lets go of the reads they shared, whatever its outcome. */
async function letSharedReadsGo(deps: UseCaseDeps, incidentId: string): Promise<void> {
  if (!deps.playbooks.discoveryEnded) return;
  try {
    if ((await countStepsToDiscover(deps.db, incidentId)) === 0) deps.playbooks.discoveryEnded(incidentId);
  } catch (err) {
    // Only memory is at stake: the reads still go when their keep runs out.
    deps.logger.warn(
      { incidentId, err: normaliseError(err).message },
      'could not count steps left to discover',
    );
  }
}

async function discoverBegun(
  deps: UseCaseDeps,
  begun: { step: Step; incident: Incident },
  signal: AbortSignal | undefined,
): Promise<DiscoverOutcome> {
  const stepId = begun.step.id;

  const definition = deps.playbooks.definition(begun.step.stepKey);
  let discovery: Discovery;
  try {
    if (definition?.kind !== 'automated') {
      throw new Error(`this release has no automated step "${begun.step.stepKey}"`);
    }
    const key = begun.step.stepKey;
    const base = await deps.playbooks.contextFor(begun.incident, key, { discovery: true });
    // Restore re-reads what Contain now stopped, as the database recorded it; a later step reads
    // the account as it was before the stop.
    const ctx = isContainStepKey(key)
      ? base
      : { ...base, contained: await containedChanges(deps.db, begun.incident.id, key) };
    signal?.throwIfAborted();
    discovery = await definition.discover(ctx);
  } catch (err) {
    signal?.throwIfAborted();
    const e = normaliseError(err);
    deps.logger.warn(
      { stepId, stepKey: begun.step.stepKey, code: e.code, err: e.message },
      'discovery failed',
    );
    await deps.db.transaction(async (tx) => {
      const step = await getStep(tx, stepId, { forUpdate: true });
      if (step.state !== 'discovering') return;
      await applyEvent(
        tx,
        step,
        { type: 'fail', phase: 'discover' },
        { error: { code: e.code, message: e.message } },
      );
      await appendAudit(tx, {
        incidentId: step.incidentId,
        actor: 'reclaim',
        action: 'step.failed',
        payload: { stepId, stepKey: step.stepKey, phase: 'discover', code: e.code, message: e.message },
      });
    });
    deps.notifier.stepChanged(stepId, begun.incident.id);
    return 'failed';
  }
  signal?.throwIfAborted();
  return (await recordDiscovery(deps, stepId, discovery)) ? 'discovered' : 'not_needed';
}

/** Stores what discovery found and the plan drawn from it; the step then awaits approval. */
export async function recordDiscovery(
  deps: UseCaseDeps,
  stepId: string,
  discovery: Discovery,
): Promise<boolean> {
  const digest = planDigest(discovery.actions);
  const recorded = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    if (step.state !== 'discovering') return null;
    await savePlan(tx, stepId, digest, discovery.summary, discovery.actions);
    const updated = await applyEvent(
      tx,
      step,
      { type: 'discovered' },
      {
        planDigest: digest,
        findings: discovery.findings,
        error: null,
      },
    );
    await appendAudit(tx, {
      incidentId: step.incidentId,
      actor: 'reclaim',
      action: 'step.discovered',
      payload: {
        stepId,
        stepKey: step.stepKey,
        digest,
        summary: discovery.summary,
        resources: discovery.findings.length,
        suspicious: discovery.findings.filter((f) => f.suspicious).map((f) => f.resource),
        actions: discovery.actions.map((a) => a.description),
      },
    });
    return updated;
  });
  if (recorded) deps.notifier.stepChanged(stepId, recorded.incidentId);
  return recorded !== null;
}
