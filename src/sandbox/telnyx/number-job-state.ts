import type { JsonObject } from './account-state.js';

/** A job as stored: the spec's `PhoneNumbersJob` fields, and what it will write and when (never shown). */
export interface SimPhoneNumbersJob extends JsonObject {
  id: string;
  record_type: 'phone_numbers_job';
  type: 'update_phone_numbers';
  status: 'pending' | 'in_progress' | 'completed';
  phone_numbers: JsonObject[];
  successful_operations: JsonObject[];
  pending_operations: JsonObject[];
  failed_operations: JsonObject[];
  created_at: string;
  updated_at: string;
  etc: string;
  /** The fields to write on each number; kept out of every answer (it may hold a PIN). */
  update: JsonObject;
  /** Reads left before it is applied (`TelnyxSimAnswers.jobReadsToFinish`). */
  readsLeft: number;
}
