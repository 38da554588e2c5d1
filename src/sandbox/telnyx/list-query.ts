import type { JsonObject } from './account-state.js';
import { type SimResponse, telnyxErrors } from './sim-http.js';

/** The spec's largest `page[size]` for the resources the simulator serves. */
export const MAX_PAGE_SIZE = 250;

export interface FilterSpec {
  /** The query parameter as sent, e.g. `filter[connection_name][contains]`. */
  param: string;
  /** Dotted path of the record field, e.g. `outbound.outbound_voice_profile_id`. */
  field: string;
  /**
   * `contains` is case-insensitive, as the spec says of the `[contains]` filters; `includes` matches
   * one element of a list (tags); `digits` is the phone-number filter: digits only (anything else
   * matches nothing, as the spec says), matched anywhere in the number.
   */
  op: 'eq' | 'contains' | 'includes' | 'digits';
}

/** `filter[<name>]` matching field `<name>` exactly, for each name. */
export function exactFilters(...names: string[]): FilterSpec[] {
  return names.map((name) => ({ param: `filter[${name}]`, field: name, op: 'eq' }));
}

/** `filter[<name>][contains]` on field `<name>`. */
export function containsFilter(name: string): FilterSpec {
  return { param: `filter[${name}][contains]`, field: name, op: 'contains' };
}

export interface ListSpec {
  pageSizeDefault: number;
  filters: readonly FilterSpec[];
  /** `sort` values the spec allows, mapped to record fields; absent: insertion order. */
  sortFields?: Readonly<Record<string, string>>;
  /** The spec's default `sort`, e.g. `created_at` or `-created_at`. */
  sortDefault?: string;
}

export interface Page {
  number: number;
  size: number;
}

function readPositiveInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number | SimResponse {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'at least 1' : `between 1 and ${max}`;
    return telnyxErrors.badParameter(name, `${name} must be an integer ${range}.`);
  }
  return value;
}

export function parsePage(query: URLSearchParams, defaultSize: number): Page | SimResponse {
  const number = readPositiveInt(query, 'page[number]', 1, Number.MAX_SAFE_INTEGER);
  if (typeof number !== 'number') return number;
  const size = readPositiveInt(query, 'page[size]', defaultSize, MAX_PAGE_SIZE);
  if (typeof size !== 'number') return size;
  return { number, size };
}

export function readPath(record: JsonObject, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as JsonObject)[key];
  }
  return value;
}

export function applyFilters<T extends JsonObject>(
  records: readonly T[],
  filters: readonly FilterSpec[],
  query: URLSearchParams,
): T[] {
  let out = [...records];
  for (const filter of filters) {
    const wanted = query.get(filter.param);
    if (wanted === null) continue;
    out = out.filter((record) => {
      const value = readPath(record, filter.field);
      if (value === undefined || value === null) return false;
      return matchesFilter(filter.op, value, wanted);
    });
  }
  return out;
}

function matchesFilter(op: FilterSpec['op'], value: unknown, wanted: string): boolean {
  switch (op) {
    case 'eq':
      return String(value) === wanted;
    case 'contains':
      return String(value).toLowerCase().includes(wanted.toLowerCase());
    case 'includes':
      return Array.isArray(value) && value.includes(wanted);
    case 'digits':
      return (
        /^[0-9]+$/.test(wanted) &&
        String(value)
          .replace(/[^0-9]/g, '')
          .includes(wanted)
      );
  }
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Sorted by the `sort` parameter (or the spec's default), ties broken by id so pages are stable. */
export function applySort<T extends JsonObject>(
  records: T[],
  spec: ListSpec,
  query: URLSearchParams,
): T[] | SimResponse {
  const sort = query.get('sort') ?? spec.sortDefault;
  if (sort === undefined || spec.sortFields === undefined) return records;
  const descending = sort.startsWith('-');
  const field = spec.sortFields[descending ? sort.slice(1) : sort];
  if (field === undefined) {
    const allowed = Object.keys(spec.sortFields).join(', ');
    return telnyxErrors.badParameter('sort', `sort must be one of ${allowed}, optionally prefixed with '-'.`);
  }
  const sign = descending ? -1 : 1;
  return records.sort(
    (a, b) => sign * compare(readPath(a, field), readPath(b, field)) || compare(a.id, b.id),
  );
}

/** `{ data, meta }` as every Telnyx v2 listing returns it. */
export function pageBody(records: readonly unknown[], page: Page): JsonObject {
  const start = (page.number - 1) * page.size;
  return {
    data: records.slice(start, start + page.size),
    meta: {
      page_number: page.number,
      page_size: page.size,
      total_pages: Math.ceil(records.length / page.size),
      total_results: records.length,
    },
  };
}

/** Filters, sorts and pages `records` per `spec`; `view` turns a record into its response object. */
export function listRecords<T extends JsonObject>(
  records: readonly T[],
  spec: ListSpec,
  query: URLSearchParams,
  view: (record: T) => unknown,
): SimResponse {
  const page = parsePage(query, spec.pageSizeDefault);
  if ('status' in page) return page;
  const sorted = applySort(applyFilters(records, spec.filters, query), spec, query);
  if (!Array.isArray(sorted)) return sorted;
  const body = pageBody(sorted, page);
  body.data = (body.data as T[]).map(view);
  return { status: 200, headers: {}, body };
}

/**
 * `listRecords` over records whose views cost something to build (100,000 numbers): when the query
 * neither filters nor sorts, only the page's records get a view; otherwise every record does.
 */
export function listLazily<R, T extends JsonObject>(
  records: readonly R[],
  spec: ListSpec,
  query: URLSearchParams,
  toView: (record: R) => T,
  view: (record: T) => unknown,
): SimResponse {
  const filtered = spec.filters.some((f) => query.has(f.param));
  const sorted = (query.get('sort') ?? spec.sortDefault) !== undefined && spec.sortFields !== undefined;
  if (filtered || sorted) return listRecords(records.map(toView), spec, query, view);
  const page = parsePage(query, spec.pageSizeDefault);
  if ('status' in page) return page;
  const body = pageBody(records, page);
  body.data = (body.data as R[]).map((r) => view(toView(r)));
  return { status: 200, headers: {}, body };
}
