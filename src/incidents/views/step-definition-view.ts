/** What a card says about a step from its playbook definition (or that this release lost it). */
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
    title: d.title,
    why: d.why,
    risk: d.risk,
    kind: d.kind,
    ...(d.kind === 'manual' ? { instructions: d.instructions, ...(d.link ? { link: d.link } : {}) } : {}),
  };
}
