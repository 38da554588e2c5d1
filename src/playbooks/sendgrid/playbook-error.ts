// The SendGrid playbook's error class, and the kit's dispatch and param reader bound to it.
import { ReclaimError } from '../../domain/errors.js';
import type { SendgridClient } from '../../providers/sendgrid/index.js';
import { stepKitFor } from '../kit/step-kit.js';

/**
 * A planned action the SendGrid playbook will not carry out: `sendgrid_unknown_action` (a kind
 * this step does not know), `sendgrid_bad_action_params` (a stored plan missing a value),
 * `sendgrid_own_key` (a plan that would delete Reclaim's own key), `sendgrid_lockout_guard` (a
 * removal from the allow list while the responders' addresses are not on it).
 */
export class SendgridPlaybookError extends ReclaimError {}

export const { dispatchByKind, paramsOf } = stepKitFor<SendgridClient>('sendgrid', SendgridPlaybookError);
