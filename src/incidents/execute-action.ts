// One planned action of an EXECUTE job: claimed, written to the provider and recorded under the job's fencing token.
import { appendAudit } from '../audit/append-audit.js';
import type { Queryable } from '../db/db.js';
import { finishAction, startAction } from '../db/repos/plans-repo.js';
import { normaliseError } from '../domain/errors.js';
import type { Incident, PlanAction, Step } from '../domain/types.js';
import { abortReason, type Fence, FenceLostError, holdFence } from '../jobs/fence.js';
import type { ActionOutcome, AutomatedStepDefinition, PlaybookContext } from '../playbooks/types.js';
import { sealSecret } from '../secrets/seal.js';
import type { UseCaseDeps } from './deps.js';

/** An unknown outcome (a write that timed out) is re-checked and tried this many times in all. */
const ATTEMPTS_PER_ACTION = 3;

/** What every action of one execution shares. */
export interface ExecutionRun {
  deps: UseCaseDeps;
  incident: Incident;
  step: Step;
  definition: AutomatedStepDefinition;
  ctx: PlaybookContext<unknown>;
  fence: Fence;
}

/**
 * Runs one action; returns an error message when it failed, null when it is done (by this run, or
 * already by the claim before). The action is claimed by compare-and-set under the fencing token
 * before any write, and one found `running` (a crash, or a worker that lost its lease) is re-checked
 * against the provider first. Throws FenceLostError (or the abort reason) when this run must stop:
 * the token is no longer the job's, or the worker was told to stop; it then records nothing.
 */
export async function runAction(run: ExecutionRun, action: PlanAction): Promise<string | null> {
  const { deps, fence } = run;
  const what = `action ${action.position}`;
  let recheck = false;
  for (let attempt = 1; ; attempt += 1) {
    if (fence.signal.aborted) throw abortReason(fence, what);
    const claim = await deps.db.transaction((tx) => startAction(tx, action.id, fence.token));
    if (!claim.claimed) {
      if (claim.reason === 'done') return null;
      throw new FenceLostError(fence.token, what);
    }
    recheck ||= claim.previous !== 'pending';
    try {
      if (fence.signal.aborted) throw abortReason(fence, what);
      const outcome = await run.definition.execute(run.ctx, action, { recheck, signal: fence.signal });
      await deps.db.transaction((tx) => recordDone(tx, run, action, outcome));
      return null;
    } catch (err) {
      if (err instanceof FenceLostError) throw err;
      // Stopped mid-write: leave the action running under this token; the next claim re-checks it.
      if (fence.signal.aborted) throw abortReason(fence, what);
      const e = normaliseError(err);
      const unknownOutcome = (err as { outcomeUnknown?: unknown }).outcomeUnknown === true;
      if (unknownOutcome && attempt < ATTEMPTS_PER_ACTION) {
        deps.logger.warn(
          { stepId: run.step.id, action: action.position, code: e.code },
          'outcome unknown; re-checking',
        );
        recheck = true;
        continue;
      }
      await deps.db.transaction((tx) => recordFailed(tx, run, action, e));
      return e.message;
    }
  }
}

/** Seals the new secrets, marks the action done and audits it: all or nothing, under the token. */
async function recordDone(
  tx: Queryable,
  run: ExecutionRun,
  action: PlanAction,
  outcome: ActionOutcome,
): Promise<void> {
  const { deps, fence, incident, step } = run;
  const what = `recording action ${action.position}`;
  // Locks the job row: it cannot be claimed again before this commits.
  await holdFence(tx, fence, what);
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
  if (!(await finishAction(tx, action.id, fence.token, { state: 'done', result }))) {
    throw new FenceLostError(fence.token, what); // rolls the sealed secrets back
  }
  await appendAudit(tx, {
    incidentId: incident.id,
    actor: 'reclaim',
    action: 'action.done',
    payload: { stepId: step.id, position: action.position, kind: action.kind, target: action.target, result },
  });
}

async function recordFailed(
  tx: Queryable,
  run: ExecutionRun,
  action: PlanAction,
  e: { code: string; message: string },
): Promise<void> {
  const { fence, incident, step } = run;
  const what = `recording the failure of action ${action.position}`;
  await holdFence(tx, fence, what);
  const error = { code: e.code, message: e.message };
  if (!(await finishAction(tx, action.id, fence.token, { state: 'failed', error }))) {
    throw new FenceLostError(fence.token, what);
  }
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
}
