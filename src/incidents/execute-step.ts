import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { listPlanActions } from '../db/repos/plans-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { actionsInFlight, batchLingerMs } from '../domain/actions-in-flight.js';
import { isContainStepKey } from '../domain/containment.js';
import { type Fence, holdFence } from '../jobs/fence.js';
import { inPool } from '../util/in-pool.js';
import { openActionBook } from './action-book.js';
import { anchorAuditChain } from './anchor-audit-chain.js';
import { applyEvent } from './apply-event.js';
import { containedChanges } from './containment/contained-changes.js';
import type { UseCaseDeps } from './deps.js';
import { type ExecutionRun, runAction } from './execute-action.js';

export type ExecuteOutcome = 'done' | 'failed' | 'not_needed';

/**
 * The EXECUTE job: carries out exactly the approved plan (bound to its digest), one provider write
 * per action, each recorded. Actions already done are never repeated; one left `running` by a
 * crash is re-checked against the provider before any write. New credentials are sealed at once.
 * A step whose actions are independent has as many in flight as the provider's pace allows (its
 * rate, request time and rate headers: `actionsInFlight`), their claims and results batched.
 * Everything runs under the job claim's fencing token: the step is begun or resumed, each action
 * claimed and recorded, and the step finished only while the token is still the job's; once it is
 * not (another worker took the job over), this run records nothing more and throws job_lease_lost.
 */
export async function executeStep(
  deps: UseCaseDeps,
  stepId: string,
  digest: string,
  fence: Fence,
): Promise<ExecuteOutcome> {
  const begun = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    const incident = await getIncident(tx, step.incidentId);
    if (incident.status !== 'open' || step.planDigest !== digest) return null;
    if (step.state !== 'executing' && step.state !== 'approved') return null;
    await holdFence(tx, fence, 'starting the execution', { beforeWrite: true });
    if (step.state === 'executing') return { step, incident };
    const started = await applyEvent(tx, step, { type: 'begin_execution' });
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: 'reclaim',
      action: 'step.execution_started',
      payload: { stepId, stepKey: step.stepKey, digest },
    });
    return { step: started, incident };
  });
  if (!begun) return 'not_needed';
  deps.notifier.stepChanged(stepId, begun.incident.id);

  const definition = deps.playbooks.definition(begun.step.stepKey);
  const actions = await listPlanActions(deps.db, stepId, digest);
  const failures: string[] = [];
  if (definition?.kind !== 'automated') {
    failures.push(`this release has no automated step "${begun.step.stepKey}"`);
  } else {
    const key = begun.step.stepKey;
    const base = await deps.playbooks.contextFor(begun.incident, key);
    // A later step knows what Contain now stopped (so it does not write the same stop again).
    const ctx = isContainStepKey(key)
      ? base
      : { ...base, contained: await containedChanges(deps.db, begun.incident.id, key) };
    const pace = deps.playbooks.paceFor?.(begun.incident, begun.step.stepKey);
    const window = () => actionsInFlight(definition.concurrency, pace?.(), definition.maxInFlight);
    const scope = { deps, incident: begun.incident, step: begun.step, fence };
    const book = openActionBook(scope, () => batchLingerMs(window()));
    const run: ExecutionRun = { ...scope, definition, ctx, book };
    const todo = actions.filter((a) => a.state !== 'done');
    const errors = new Map<number, string>();
    // The first throw (the token lost, the worker stopping) ends the run once those in flight settle.
    await inPool(todo, window, async (action) => {
      const error = await runAction(run, action);
      if (error) errors.set(action.position, `${action.description}: ${error}`);
      deps.notifier.stepChanged(stepId, begun.incident.id);
    });
    for (const action of todo) {
      const error = errors.get(action.position);
      if (error) failures.push(error);
    }
  }
  await finishStep(deps, stepId, actions.length, failures, fence);
  deps.notifier.stepChanged(stepId, begun.incident.id);
  const outcome = failures.length === 0 ? 'done' : 'failed';
  await anchorAuditChain(
    deps,
    begun.incident.id,
    `step ${outcome === 'done' ? 'executed' : 'failed'}: ${begun.step.stepKey}`,
  );
  return outcome;
}

/** The step's final transition (done, or failed with a Retry), only under the token. */
async function finishStep(
  deps: UseCaseDeps,
  stepId: string,
  total: number,
  failures: string[],
  fence: Fence,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    await holdFence(tx, fence, 'finishing the step');
    if (step.state !== 'executing') return;
    if (failures.length === 0) {
      await applyEvent(tx, step, { type: 'executed' }, { error: null });
    } else {
      const message = `${failures.length} of ${total} changes failed. First: ${failures[0]}`;
      await applyEvent(
        tx,
        step,
        { type: 'fail', phase: 'execute' },
        { error: { code: 'actions_failed', message } },
      );
    }
    await appendAudit(tx, {
      incidentId: step.incidentId,
      actor: 'reclaim',
      action: failures.length === 0 ? 'step.executed' : 'step.failed',
      payload: { stepId, stepKey: step.stepKey, phase: 'execute', actions: total, failed: failures.length },
    });
  });
}
