// The Telnyx playbook's error class, and the kit's dispatch and param readers bound to it.
import { ReclaimError } from '../../domain/errors.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { stepKitFor } from '../kit/step-kit.js';

/**
 * A planned action the Telnyx playbook could not carry out: `telnyx_unknown_action` (a kind this
 * step does not know, e.g. a plan from another release), `telnyx_bad_action_params` (a param the
 * executor needs is missing), or `telnyx_change_not_applied` (Telnyx accepted the write but the
 * resource it returned still shows the old state), or `telnyx_job_failed` (a bulk job that changed no
 * number).
 */
export class TelnyxPlaybookError extends ReclaimError {}

export const { dispatchByKind, textParam, optionalTextParam, optionalNumberParam, textListParam, paramsOf } =
  stepKitFor<TelnyxClient>('telnyx', TelnyxPlaybookError);
