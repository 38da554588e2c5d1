import { ReclaimError } from '../../domain/errors.js';

/**
 * A request the SendGrid client refused to send or a listing it refused to keep walking:
 * `sendgrid_invalid_id` (an empty id would turn `DELETE /x/{id}` into a request on the collection),
 * `sendgrid_pagination_runaway` (a listing that never ends), `sendgrid_cannot_switch_key` (a
 * client built for one key asked to use another).
 */
export class SendgridClientError extends ReclaimError {}
