import type { ZodType } from 'zod';
import { inPool } from '../../util/in-pool.js';
import { type Listing, recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { TelnyxClientError } from './errors.js';
import { type PageMeta, pageEnvelope } from './schemas/common.js';

/** `page[size]` maximum of every listing the client uses that names one (spec: `maximum: 250`). */
export const TELNYX_MAX_PAGE_SIZE = 250;

/** A listing that has not ended after this many pages is a server fault, not an account. */
export const TELNYX_MAX_PAGES = 2_000;

export interface ListAllRequest<T> {
  path: string;
  /** For errors and logs, e.g. `list credential connections`. */
  operation: string;
  item: ZodType<T>;
  /** Filters and sort; `page[number]` and `page[size]` are set here. */
  query?: Record<string, string | undefined>;
  /** Default `TELNYX_MAX_PAGE_SIZE`; a listing whose spec names no maximum passes the spec's example size. */
  pageSize?: number;
  /** Where an unreadable record's id is (default `id`; OAuth clients: `client_id`). */
  idKeys?: readonly string[];
  /** Read at most this many pages and return them: a bounded look at the newest records, not a runaway. */
  maxPages?: number;
  /**
   * Asked of each readable record, in page order, as soon as its page can be added: a record it
   * refuses is not kept, so a step that needs a few of 100,000 records never holds them all.
   */
  keep?: (item: T) => boolean;
}

/** Pages read at once after the first page has said how many there are (the limiter paces them). */
export const TELNYX_PAGES_IN_FLIGHT = 8;

interface PageRead<T> {
  page: number;
  records: Listing<T>;
  meta: PageMeta;
}

/**
 * Reads every page of a Telnyx listing: `page[number]` = 1, 2, … at the largest `page[size]`,
 * until `meta.page_number >= meta.total_pages` (the SDK's `DefaultFlatPagination` rule). Without
 * usable `meta`, a page shorter than the page size is the last; an empty page always is. Once a
 * page announces `total_pages`, the pages up to it are read `TELNYX_PAGES_IN_FLIGHT` at a time
 * (a 100,000-number account is 400 pages: paced by the rate, not by one round trip after another)
 * and added in page order as soon as each can be, so only the pages in flight wait. Each record is
 * parsed on its own: one that does not fit `item` is returned in `unreadable`.
 */
export async function listAll<T>(http: ProviderHttp, req: ListAllRequest<T>): Promise<Listing<T>> {
  const size = req.pageSize ?? TELNYX_MAX_PAGE_SIZE;
  const schema = pageEnvelope(
    recordsOf(req.item, { provider: http.provider, operation: req.operation, idKeys: req.idKeys ?? ['id'] }),
  );
  const readPage = async (page: number): Promise<PageRead<T>> => {
    const res = await http.request({
      method: 'GET',
      path: req.path,
      query: { ...req.query, 'page[number]': page, 'page[size]': size },
      schema,
      operation: page === 1 ? req.operation : `${req.operation} (page ${page})`,
    });
    return { page, records: res.data.data, meta: res.data.meta };
  };
  const listing: Listing<T> = { items: [], unreadable: [] };
  /** Adds a page; false when it was the last. */
  const add = ({ page, records, meta }: PageRead<T>) => {
    for (const item of records.items) if (!req.keep || req.keep(item)) listing.items.push(item);
    listing.unreadable.push(...records.unreadable);
    return hasNextPage(meta, page, records.items.length + records.unreadable.length, size);
  };
  const last = Math.min(req.maxPages ?? TELNYX_MAX_PAGES, TELNYX_MAX_PAGES);
  let latest = await readPage(1);
  let more = add(latest);
  while (more && latest.page < last) {
    const announced = latest.meta?.total_pages;
    const through = Math.min(last, Math.max(latest.page + 1, typeof announced === 'number' ? announced : 0));
    const pages = Array.from({ length: through - latest.page }, (_, k) => latest.page + 1 + k);
    const waiting = new Map<number, PageRead<T>>();
    let next = latest.page + 1;
    await inPool(pages, TELNYX_PAGES_IN_FLIGHT, async (page) => {
      // Once a page has said it is the last, the pages after it are not asked for.
      if (!more) return;
      waiting.set(page, await readPage(page));
      for (let ready = waiting.get(next); more && ready; ready = waiting.get(next)) {
        waiting.delete(next);
        latest = ready;
        more = add(ready);
        next += 1;
      }
    });
  }
  if (!more || req.maxPages !== undefined) return listing;
  throw new TelnyxClientError(
    'telnyx_pagination_runaway',
    `Telnyx kept returning pages for "${req.operation}" past page ${TELNYX_MAX_PAGES}; stopped reading.`,
    { details: { operation: req.operation, path: req.path } },
  );
}

/** Whether another page follows the one just read. */
export function hasNextPage(meta: PageMeta, page: number, received: number, size: number): boolean {
  if (received === 0) return false;
  if (meta && typeof meta.total_pages === 'number') return (meta.page_number ?? page) < meta.total_pages;
  return received >= size;
}
