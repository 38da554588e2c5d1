import { appendAudit } from '../audit/append-audit.js';
import { getStep } from '../db/repos/steps-repo.js';
import { applyEvent } from './apply-event.js';
import type { UseCaseDeps } from './deps.js';

/**
 * A DISCOVER or EXECUTE job that failed for good (the handler kept throwing, or its workers kept
 * dying) must not leave its step spinning: the step fails with the job's last error and gets a
 * Retry button.
 */
export async function failAbandonedStep(
  deps: UseCaseDeps,
  stepId: string,
  phase: 'discover' | 'execute',
  lastError: string | null,
): Promise<boolean> {
  const failed = await deps.db.transaction(async (tx) => {
    const step = await getStep(tx, stepId, { forUpdate: true });
    const expected = phase === 'discover' ? 'discovering' : 'executing';
    if (step.state !== expected && !(phase === 'execute' && step.state === 'approved')) return null;
    const message = `The ${phase === 'discover' ? 'discovery' : 'execution'} job gave up: ${lastError ?? 'unknown error'}`;
    const moving = step.state === 'approved' ? await applyEvent(tx, step, { type: 'begin_execution' }) : step;
    await applyEvent(tx, moving, { type: 'fail', phase }, { error: { code: 'job_failed', message } });
    await appendAudit(tx, {
      incidentId: step.incidentId,
      actor: 'reclaim',
      action: 'step.failed',
      payload: { stepId, stepKey: step.stepKey, phase, code: 'job_failed', message },
    });
    return step;
  });
  if (failed) deps.notifier.stepChanged(stepId, failed.incidentId);
  return failed !== null;
}
