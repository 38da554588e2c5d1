import { ReclaimError } from '../../domain/errors.js';

/**
 * A request the SendGrid client refused to send or a listing it refused to keep walking:
 * `sendgrid_invalid_id` (an empty id would turn `DELETE /x/{id}` into a request on the collection),
 * `sendgrid_pagination_runaway` (a listing that never ends).
 */
export class SendgridClientError extends ReclaimError {}
