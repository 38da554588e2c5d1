import { containmentFirst } from '../../../src/domain/containment.js';
import { SENDGRID_STEPS } from '../../../src/playbooks/sendgrid/index.js';
import { TELNYX_STEPS } from '../../../src/playbooks/telnyx/index.js';
import { TWILIO_STEPS } from '../../../src/playbooks/twilio/index.js';
import type { StepDefinition } from '../../../src/playbooks/types.js';

/** A provider whose account an end-to-end world simulates. */
export type ProviderName = 'telnyx' | 'twilio' | 'sendgrid';

const BY_PROVIDER: Record<ProviderName, readonly StepDefinition[]> = {
  telnyx: TELNYX_STEPS as StepDefinition[],
  twilio: TWILIO_STEPS as StepDefinition[],
  sendgrid: SENDGRID_STEPS as StepDefinition[],
};

/** The steps of an incident covering `providers`, in the order its cards are posted (Contain now first). */
export function stepsOf(providers: readonly ProviderName[]): readonly StepDefinition[] {
  return containmentFirst(providers.flatMap((p) => BY_PROVIDER[p]));
}

/** The word `/compromise start` takes for an incident covering `providers` (`twilio+sendgrid`). */
export function incidentKind(providers: readonly ProviderName[]): string {
  return providers.join('+');
}

/** Every step of every playbook; step ids are unique across providers. */
export const ALL_STEPS: readonly StepDefinition[] = stepsOf(['telnyx', 'twilio', 'sendgrid']);
