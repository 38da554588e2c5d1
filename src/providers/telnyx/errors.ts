import { ReclaimError } from '../../domain/errors.js';

/**
 * A request the Telnyx client refused to send or a listing it refused to keep walking:
 * `telnyx_invalid_id` (an empty id would turn `PATCH /x/{id}` into a request on the collection),
 * `telnyx_pagination_runaway` (a listing that never reports its last page), `telnyx_job_unfinished`
 * (a bulk job still pending or in progress when the client stopped waiting for it).
 */
export class TelnyxClientError extends ReclaimError {}
