import { ReclaimError } from '../domain/errors.js';

/** An audit entry that cannot be written or read as given (`audit_payload_invalid`, `audit_bad_incident_id`). */
export class AuditError extends ReclaimError {}
