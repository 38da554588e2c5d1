import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { finishAction, listPlanActions, startAction } from '../db/repos/plans-repo.js';
import { getStep } from '../db/repos/steps-repo.js';
import { normaliseError } from '../domain/errors.js';
import type { Incident, PlanAction, Step } from '../domain/types.js';
import type { AutomatedStepDefinition, PlaybookContext } from '../playbooks/types.js';
import { sealSecret } from '../secrets/seal.js';
import { inPool } from '../util/in-pool.js';
import { applyEvent } from './apply-event.js';
import type { UseCaseDeps } from './deps.js';

/** An unknown outcome (a write that timed out) is re-checked and tried this many times in all. */
const ATTEMPTS_PER_ACTION = 3;

export type ExecuteOutcome = 'done' | 'failed' | 'not_needed';

/**
 * The EXECUTE job: carries out exactly the approved plan (bound to its digest), one provider write
 * per action, each recorded. Actions already done are never repeated; one left `running` by a
 * crash is re-checked against the provider before any write. New credentials are sealed at once.
 */
export async function executeStep(
  deps: UseCaseDeps,
  stepId: string,
  digest: string,
): Promise<ExecuteOutcome> {
  const begun = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    const incident = await getIncident(tx, step.incidentId);
    if (incident.status !== 'open' || step.planDigest !== digest) return null;
    if (step.state === 'executing') return { step, incident };
    if (step.state !== 'approved') return null;
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
    const ctx = await deps.playbooks.contextFor(begun.incident, begun.step.stepKey);
    const todo = actions.filter((a) => a.state !== 'done');
    const errors = new Map<number, string>();
    await inPool(todo, Math.max(1, definition.concurrency ?? 1), async (action) => {
      const error = await runAction(deps, begun.incident, begun.step, definition, ctx, action);
      if (error) errors.set(action.position, `${action.description}: ${error}`);
      deps.notifier.stepChanged(stepId, begun.incident.id);
    });
    for (const action of todo) {
      const error = errors.get(action.position);
      if (error) failures.push(error);
    }
  }
  await finishStep(deps, stepId, actions.length, failures);
  deps.notifier.stepChanged(stepId, begun.incident.id);
  return failures.length === 0 ? 'done' : 'failed';
}

/** Runs one action; returns an error message when it failed. */
async function runAction(
  deps: UseCaseDeps,
  incident: Incident,
  step: Step,
  definition: AutomatedStepDefinition,
  ctx: PlaybookContext<unknown>,
  action: PlanAction,
): Promise<string | null> {
  let recheck = action.state !== 'pending';
  for (let attempt = 1; ; attempt += 1) {
    await startAction(deps.db, action.id);
    try {
      const outcome = await definition.execute(ctx, action, { recheck });
      await deps.db.transaction(async (tx) => {
        const sealed: { id: string; label: string }[] = [];
        for (const secret of outcome.secrets ?? []) {
          const { id } = await sealSecret(tx, deps.secretKey, {
            incidentId: incident.id,
            stepId: step.id,
            label: secret.label,
            plaintext: secret.value,
          });
          sealed.push({ id, label: secret.label });
        }
        const result = sealed.length > 0 ? { ...outcome.result, sealedSecrets: sealed } : outcome.result;
        await finishAction(tx, action.id, { state: 'done', result });
        await appendAudit(tx, {
          incidentId: incident.id,
          actor: 'reclaim',
          action: 'action.done',
          payload: {
            stepId: step.id,
            position: action.position,
            kind: action.kind,
            target: action.target,
            result,
          },
        });
      });
      return null;
    } catch (err) {
      const e = normaliseError(err);
      const unknownOutcome = (err as { outcomeUnknown?: unknown }).outcomeUnknown === true;
      if (unknownOutcome && attempt < ATTEMPTS_PER_ACTION) {
        deps.logger.warn(
          { stepId: step.id, action: action.position, code: e.code },
          'outcome unknown; re-checking',
        );
        recheck = true;
        continue;
      }
      await deps.db.transaction(async (tx) => {
        await finishAction(tx, action.id, { state: 'failed', error: { code: e.code, message: e.message } });
        await appendAudit(tx, {
          incidentId: incident.id,
          actor: 'reclaim',
          action: 'action.failed',
          payload: {
            stepId: step.id,
            position: action.position,
            kind: action.kind,
            target: action.target,
            code: e.code,
            message: e.message,
          },
        });
      });
      return e.message;
    }
  }
}

async function finishStep(
  deps: UseCaseDeps,
  stepId: string,
  total: number,
  failures: string[],
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
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
