// One planned action of an EXECUTE job: claimed, written to the provider and recorded under the job's fencing token.
import { normaliseError } from '../domain/errors.js';
import type { PlanAction } from '../domain/types.js';
import { abortReason, FenceLostError } from '../jobs/fence.js';
import type { AutomatedStepDefinition, PlaybookContext } from '../playbooks/types.js';
import { actionSeed } from '../secrets/action-seed.js';
import type { ActionBook, BookScope } from './action-book.js';

/** An unknown outcome (a write that timed out) is re-checked and tried this many times in all. */
const ATTEMPTS_PER_ACTION = 3;

/** What every action of one execution shares. */
export interface ExecutionRun extends BookScope {
  definition: AutomatedStepDefinition;
  ctx: PlaybookContext<unknown>;
  /** Claims and records the run's actions, batched (see `openActionBook`). */
  book: ActionBook;
}

/**
 * Runs one action; returns an error message when it failed, null when it is done (by this run, or
 * already by the claim before). The action is claimed by compare-and-set under the fencing token
 * before any write, and one found `running` (a crash, or a worker that lost its lease) is re-checked
 * against the provider first. Throws FenceLostError (or the abort reason) when this run must stop:
 * the token is no longer the job's, or the worker was told to stop; it then records nothing.
 */
export async function runAction(run: ExecutionRun, action: PlanAction): Promise<string | null> {
  const { fence, book } = run;
  const what = `action ${action.position}`;
  let recheck = false;
  // The same on every attempt of this action: a credential it generates survives a lost answer.
  const seed = actionSeed(run.deps.secretKey, {
    incidentId: run.incident.id,
    actionId: action.id,
    planDigest: action.planDigest,
  });
  for (let attempt = 1; ; attempt += 1) {
    if (fence.signal.aborted) throw abortReason(fence, what);
    const claim = await book.claim(action);
    if (!claim.claimed) {
      if (claim.reason === 'done') return null;
      throw new FenceLostError(fence.token, what);
    }
    recheck ||= claim.previous !== 'pending';
    let outcome: Awaited<ReturnType<AutomatedStepDefinition['execute']>>;
    try {
      if (fence.signal.aborted) throw abortReason(fence, what);
      outcome = await run.definition.execute(run.ctx, action, { recheck, signal: fence.signal, seed });
    } catch (err) {
      if (err instanceof FenceLostError) throw err;
      // Stopped mid-write: leave the action running under this token; the next claim re-checks it.
      if (fence.signal.aborted) throw abortReason(fence, what);
      const e = normaliseError(err);
      const unknownOutcome = (err as { outcomeUnknown?: unknown }).outcomeUnknown === true;
      if (unknownOutcome && attempt < ATTEMPTS_PER_ACTION) {
        run.deps.logger.warn(
          { stepId: run.step.id, action: action.position, code: e.code },
          'outcome unknown; re-checking',
        );
        recheck = true;
        continue;
      }
      await book.record({ action, error: { code: e.code, message: e.message } });
      return e.message;
    }
    await book.record({ action, outcome });
    return null;
  }
}
