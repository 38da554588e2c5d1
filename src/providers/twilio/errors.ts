import { ReclaimError } from '../../domain/errors.js';

/**
 * A request the Twilio client refused to send, or a listing it refused to keep walking:
 * `twilio_invalid_sid` (a SID that does not match the spec's pattern for that path would address
 * another resource, or the collection), `twilio_bad_next_page` (a `next_page_uri` that is not a
 * page of the same listing on the same host), `twilio_pagination_runaway` (a listing that never
 * reports its last page).
 */
export class TwilioClientError extends ReclaimError {}
