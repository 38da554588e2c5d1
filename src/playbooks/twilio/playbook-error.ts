// The Twilio playbook's error class, and the kit's dispatch and param readers bound to it.
import { ReclaimError } from '../../domain/errors.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { stepKitFor } from '../kit/step-kit.js';

/**
 * A planned action the Twilio playbook cannot carry out as stored: `twilio_unknown_action` (a kind
 * this step does not know, e.g. a plan from another release) or `twilio_bad_action_params`.
 */
export class TwilioPlaybookError extends ReclaimError {}

export const { dispatchByKind, textParam, textListParam, paramsOf } = stepKitFor<TwilioClient>(
  'twilio',
  TwilioPlaybookError,
);
