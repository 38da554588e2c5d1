// Whether a step's execution must run with no other job of the process in flight (it replaces Reclaim's own credential).
import { findStepKey } from '../db/repos/steps-repo.js';
import type { UseCaseDeps } from './deps.js';

/** True for a step whose definition says `runsAlone`; false for any other, or one that is gone. */
export async function stepRunsAlone(deps: Pick<UseCaseDeps, 'db' | 'playbooks'>, stepId: string) {
  const key = await findStepKey(deps.db, stepId);
  const definition = key === null ? undefined : deps.playbooks.definition(key);
  return definition?.kind === 'automated' && definition.runsAlone === true;
}
