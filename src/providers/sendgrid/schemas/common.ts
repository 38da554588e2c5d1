import { z } from 'zod';
import { type Listing, type RecordsContext, recordsOf } from '../../http/tolerant-records.js';

/**
 * Building blocks for the SendGrid response schemas. Objects are plain `z.object`s: keys no schema
 * declares are dropped, so what a response carries beyond what Reclaim reads (teammates' phone
 * numbers and addresses, recipients' addresses, webhook public keys) never reaches a caller, a log
 * line or a Slack card. Optional fields SendGrid leaves out or sends as null become `null`.
 */
export function orNull<T>(schema: z.ZodType<T>) {
  return schema.nullish().transform((value): T | null => value ?? null);
}

/** A list SendGrid may leave out; missing reads as empty. */
export const textList = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

/** `{ result: T[] }`, the envelope of most v3 listings. */
export function resultList<T>(item: z.ZodType<T>): z.ZodType<{ result: T[] }> {
  return z.object({ result: z.array(item) });
}

/** `{ result: [...] }` read record by record: one that does not fit `item` is set aside, named. */
export function resultRecords<T>(item: z.ZodType<T>, ctx: RecordsContext): z.ZodType<{ result: Listing<T> }> {
  return z.object({ result: recordsOf(item, ctx) });
}

/** A boolean the spec gives no default for, read as `value` when missing (the reason is given where used). */
export function booleanOr(value: boolean) {
  return z
    .boolean()
    .nullish()
    .transform((v) => v ?? value);
}

/** A 204 (or any body, ignored): what a DELETE or a PATCH without a response body returns. */
export const noContent = z.unknown().transform((): undefined => undefined);
