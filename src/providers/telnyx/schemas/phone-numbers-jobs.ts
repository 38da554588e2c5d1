import { z } from 'zod';
import { nullableString } from './common.js';

/** A number a bulk job names (spec `PhoneNumbersJob{Successful,Pending}Operation`, `…PhoneNumber`). */
export interface JobNumber {
  id: string | null;
  phone_number: string | null;
}

/** A number a job could not update, with Telnyx's reasons (spec `PhoneNumbersJobFailedOperation`). */
export interface JobFailure extends JobNumber {
  errors: string[];
}

/**
 * A background job on many numbers (spec `PhoneNumbersJob`): `status` is `pending`, `in_progress`,
 * `completed`, `failed` or `expired` (kept as a string: a new value reads, and is not taken for
 * done). Every list may be missing; it then reads as empty.
 */
export interface PhoneNumbersJob {
  id: string;
  type: string | null;
  status: string | null;
  phone_numbers: JobNumber[];
  successful_operations: JobNumber[];
  pending_operations: JobNumber[];
  failed_operations: JobFailure[];
  created_at: string | null;
  updated_at: string | null;
}

const jobNumber = z.object({ id: nullableString, phone_number: nullableString });

/** A `numbers_Error`, read down to the text a person can act on: `detail`, else `title`, else `code`. */
const jobError = z
  .object({ code: nullableString, title: nullableString, detail: nullableString })
  .transform((e) => e.detail ?? e.title ?? (e.code === null ? 'no reason given' : `error ${e.code}`));

const listOf = <T>(item: z.ZodType<T>) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

export const phoneNumbersJobSchema: z.ZodType<PhoneNumbersJob> = z.object({
  id: z.string(),
  type: nullableString,
  status: nullableString,
  phone_numbers: listOf(jobNumber),
  successful_operations: listOf(jobNumber),
  pending_operations: listOf(jobNumber),
  failed_operations: listOf(jobNumber.extend({ errors: listOf(jobError) })),
  created_at: nullableString,
  updated_at: nullableString,
});
