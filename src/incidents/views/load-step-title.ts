/** The read use case behind the Skip modal: which step it is about, by its title. */
import { getStep } from '../../db/repos/steps-repo.js';
import type { UseCaseDeps } from '../deps.js';
import { stepDefinitionView } from './step-definition-view.js';

export async function loadStepTitle(
  deps: Pick<UseCaseDeps, 'db' | 'playbooks'>,
  stepId: string,
): Promise<{ stepId: string; title: string }> {
  const step = await getStep(deps.db, stepId);
  return { stepId: step.id, title: stepDefinitionView(deps.playbooks, step.stepKey).title };
}
