import type { ZodType } from 'zod';
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { SendgridClientError } from './errors.js';

/** A listing that has not ended after this many pages is a server fault, not an account. */
export const SENDGRID_MAX_PAGES = 1_000;

export interface OffsetListRequest<Page, T> {
  path: string;
  /** For errors and logs, e.g. `list teammates`. */
  operation: string;
  /** The whole response body's shape. */
  schema: ZodType<Page>;
  /** The records of one page. */
  items(page: Page): Listing<T>;
  /** Page size: the endpoint's maximum (teammates: 500) or a size it is known to accept. */
  limit: number;
  query?: Record<string, string | undefined>;
}

/**
 * Reads a SendGrid `limit`/`offset` listing (teammates, subusers): offset 0, limit, 2·limit, …
 * until a page shorter than `limit` (an empty one included). The responses carry no total, so
 * page length is the only end marker the API gives.
 */
export async function listByOffset<Page, T>(
  http: ProviderHttp,
  req: OffsetListRequest<Page, T>,
): Promise<Listing<T>> {
  const all: Listing<T> = { items: [], unreadable: [] };
  for (let page = 0; page < SENDGRID_MAX_PAGES; page += 1) {
    const res = await http.request({
      method: 'GET',
      path: req.path,
      query: { ...req.query, limit: req.limit, offset: page * req.limit },
      schema: req.schema,
      operation: page === 0 ? req.operation : `${req.operation} (page ${page + 1})`,
    });
    const { items, unreadable } = req.items(res.data);
    all.items.push(...items);
    all.unreadable.push(...unreadable);
    if (items.length + unreadable.length < req.limit) return all;
  }
  throw paginationRunaway(req.operation, req.path);
}

/** A listing that has not ended after `SENDGRID_MAX_PAGES` pages. */
export function paginationRunaway(operation: string, path: string): SendgridClientError {
  return new SendgridClientError(
    'sendgrid_pagination_runaway',
    `SendGrid kept returning full pages for "${operation}" past page ${SENDGRID_MAX_PAGES}; stopped reading.`,
    { details: { operation, path } },
  );
}
