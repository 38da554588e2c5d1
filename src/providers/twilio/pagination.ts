import { z } from 'zod';
import { type Listing, recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { TwilioClientError } from './errors.js';

/** `PageSize` maximum of every 2010-04-01 listing the client uses (spec: `maximum: 1000`). */
export const TWILIO_MAX_PAGE_SIZE = 1000;

/** A listing that has not ended after this many pages is a server fault, not an account. */
export const TWILIO_MAX_PAGES = 1_000;

export interface ListAllRequest<T> {
  /** e.g. `/2010-04-01/Accounts/AC…/Keys.json`. */
  path: string;
  /** The array's key in the page, e.g. `keys`, `incoming_phone_numbers`. */
  key: string;
  item: z.ZodType<T>;
  /** For errors and logs, e.g. `list API keys`. */
  operation: string;
  /** Filters; `PageSize` is set here. */
  query?: Record<string, string | undefined>;
  /** What names a record that does not parse; default `sid`. */
  idKeys?: readonly string[];
  /** A v1 listing (iam, trunking, messaging, voice): pages by `meta.next_page_url` (see `listAllV1`). */
  nextOf?: { read: (page: Record<string, unknown>) => string | null; follow: (next: string) => PageRequest };
}

type PageRequest = { path: string; query: Record<string, string | number | undefined> };

interface PageOf<T> {
  records: Listing<T>;
  next: string | null;
}

function pageSchema<T>(req: ListAllRequest<T>, records: z.ZodType<Listing<T>>): z.ZodType<PageOf<T>> {
  const shape: Record<string, z.ZodType> = req.nextOf
    ? { [req.key]: records, meta: z.object({ next_page_url: z.string().nullish() }).nullish() }
    : { [req.key]: records, next_page_uri: z.string().nullish() };
  return z.object(shape).transform((page) => ({
    records: page[req.key] as Listing<T>,
    next: req.nextOf ? req.nextOf.read(page) : ((page.next_page_uri as string | null | undefined) ?? null),
  }));
}

/** The path and query of a `next_page_uri`, which must be a page of the same listing. */
export function nextPageRequest(
  nextPageUri: string,
  listPath: string,
): { path: string; query: Record<string, string> } {
  const relative = nextPageUri.startsWith('/') && !nextPageUri.startsWith('//');
  const url = relative ? new URL(nextPageUri, 'https://next-page.invalid') : undefined;
  if (!url || decodeURIComponent(url.pathname) !== decodeURIComponent(listPath)) {
    throw new TwilioClientError(
      'twilio_bad_next_page',
      `Twilio's next page of ${listPath} points somewhere else; stopped reading.`,
      { details: { listPath } },
    );
  }
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

/**
 * Reads every page of a 2010-04-01 listing: the first at `PageSize=1000`, then each
 * `next_page_uri` as given (relative to the API host, with Twilio's own `Page` and `PageToken`),
 * until it is null, the way twilio-node's `Page.getNextPageUrl` does. An empty page also ends the
 * walk. A `next_page_uri` for another path is refused rather than followed. Each record is parsed
 * on its own: one that does not fit `item` comes back in `unreadable`.
 */
export async function listAll<T>(http: ProviderHttp, req: ListAllRequest<T>): Promise<Listing<T>> {
  const records = recordsOf(req.item, {
    provider: http.provider,
    operation: req.operation,
    idKeys: req.idKeys ?? ['sid'],
  });
  const schema = pageSchema(req, records);
  const listing: Listing<T> = { items: [], unreadable: [] };
  let request: PageRequest = {
    path: req.path,
    query: { ...req.query, PageSize: TWILIO_MAX_PAGE_SIZE },
  };
  for (let page = 1; page <= TWILIO_MAX_PAGES; page += 1) {
    const res = await http.request({
      method: 'GET',
      path: request.path,
      query: request.query,
      schema,
      operation: page === 1 ? req.operation : `${req.operation} (page ${page})`,
    });
    const { items, unreadable } = res.data.records;
    listing.items.push(...items);
    listing.unreadable.push(...unreadable);
    if (res.data.next === null || items.length + unreadable.length === 0) return listing;
    request = req.nextOf ? req.nextOf.follow(res.data.next) : nextPageRequest(res.data.next, req.path);
  }
  throw new TwilioClientError(
    'twilio_pagination_runaway',
    `Twilio kept returning pages for "${req.operation}" past page ${TWILIO_MAX_PAGES}; stopped reading.`,
    { details: { operation: req.operation, path: req.path } },
  );
}
