import { z } from 'zod';
import { formatPath } from './parse-body.js';
import { isRecord } from './parse-error-body.js';

/**
 * One record of a listing that did not fit its schema. It carries what a person needs to find it
 * in the provider's console (its id, when the record has a readable one) and the field at fault,
 * never a value from the record (records can hold secrets).
 */
export interface UnreadableRecord {
  provider: string;
  /** The listing it came from, e.g. `list credential connections`. */
  operation: string;
  /** The record's id (the first of the listing's id fields that holds a string or number), or null. */
  id: string | null;
  /** The first field at fault, e.g. `call_forwarding.forwards_to`; `(the record)` when it is not an object. */
  field: string;
  /** What is wrong with that field, e.g. `expected string, received number`. */
  problem: string;
}

/** The records of a listing that parsed, and the ones that did not. */
export interface Listing<T> {
  items: T[];
  unreadable: UnreadableRecord[];
}

/** What `recordsOf` needs to name an unreadable record. */
export interface RecordsContext extends Pick<UnreadableRecord, 'provider' | 'operation'> {
  /** The fields that identify a record, most specific first (`id`, `sid`, `api_key_id`, …). */
  idKeys: readonly string[];
}

function idOf(raw: unknown, keys: readonly string[]): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  for (const key of keys) {
    const value = (raw as Record<string, unknown>)[key];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  }
  return null;
}

/** Parses each record on its own: a fit goes to `items`, a misfit to `unreadable` (named, never dropped). */
export function parseRecords<T>(
  records: readonly unknown[],
  item: z.ZodType<T>,
  ctx: RecordsContext,
): Listing<T> {
  const listing: Listing<T> = { items: [], unreadable: [] };
  for (const raw of records) {
    const parsed = item.safeParse(raw);
    if (parsed.success) {
      listing.items.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    listing.unreadable.push({
      provider: ctx.provider,
      operation: ctx.operation,
      id: idOf(raw, ctx.idKeys),
      field: issue && issue.path.length > 0 ? formatPath(issue.path) : '(the record)',
      problem: (issue?.message ?? 'invalid').replace(/^Invalid input: /, ''),
    });
  }
  return listing;
}

/**
 * The array of a listing as a schema: the array itself must be there (a listing without one is a
 * bad response), but each record is parsed on its own with `parseRecords`.
 */
export function recordsOf<T>(item: z.ZodType<T>, ctx: RecordsContext): z.ZodType<Listing<T>> {
  return z.array(z.unknown()).transform((records) => parseRecords(records, item, ctx));
}

/** Whether a listing holds the record `id`, among the records that parsed or the ones that did not. */
export function listingHas<T>(listing: Listing<T>, id: string, idOf: (item: T) => string | null): boolean {
  return listing.items.some((item) => idOf(item) === id) || listing.unreadable.some((u) => u.id === id);
}

/**
 * `item` for a response about one resource the request named: when the answer leaves out the id
 * field (the specs do not require it), it is the id the request was sent for.
 */
export function withRequestedId<T>(item: z.ZodType<T>, key: string, id: string): z.ZodType<T> {
  const filled = (raw: unknown) => (isRecord(raw) && raw[key] == null ? { ...raw, [key]: id } : raw);
  return z.preprocess(filled, item) as z.ZodType<T>;
}
