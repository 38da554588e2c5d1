/** What a card says about a step from its playbook definition (or that this release lost it). */
import { isAlertStepKey } from '../../domain/watch.js';
import type { PlaybookRuntime } from '../deps.js';
import type { StepCardDefinition } from './view-types.js';

export function stepDefinitionView(
  playbooks: Pick<PlaybookRuntime, 'definition'>,
  stepKey: string,
): StepCardDefinition {
  const d = playbooks.definition(stepKey);
  if (!d)
    return {
      title: stepKey,
      why: 'This step is no longer in this release of Reclaim.',
      risk: 'normal',
      kind: 'manual',
    };
  return {
    // A watch alert re-runs its playbook step: the same step, named as what it is on its card.
    title: isAlertStepKey(stepKey) ? `Watch alert: ${d.title}` : d.title,
    why: d.why,
    risk: d.risk,
    kind: d.kind,
    ...(d.kind === 'manual'
      ? {
          instructions: d.instructions,
          ...(d.link ? { link: d.link } : {}),
          ...(d.takesNewCredential ? { takesNewCredential: d.takesNewCredential } : {}),
        }
      : {}),
  };
}
