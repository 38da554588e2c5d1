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
  /**
   * A listing of a v1 host (iam, trunking, messaging, voice, monitor), `{ <key>: […], meta: {
   * next_page_url } }`: read as the 2010 ones are, but paged by `meta.next_page_url`.
   */
  v1?: boolean;
}

type PageRequest = { path: string; query: Record<string, string | number | undefined> };

function pageSchema<T>(req: ListAllRequest<T>, records: z.ZodType<Listing<T>>) {
  const shape: Record<string, z.ZodType> = req.v1
    ? { [req.key]: records, meta: z.object({ next_page_url: z.string().nullish() }).nullish() }
    : { [req.key]: records, next_page_uri: z.string().nullish() };
  return z.object(shape).transform((page) => ({
    records: page[req.key] as Listing<T>,
    next:
      ((req.v1
        ? (page.meta as { next_page_url?: string | null } | null | undefined)?.next_page_url
        : page.next_page_uri) as string | null | undefined) ?? null,
  }));
}

/**
 * The path and query of a `next_page_uri`, which must be a page of the same listing. On a v1 host
 * (`absolute`), the `meta.next_page_url` is an absolute URL, unlike the 2010 API's relative
 * `next_page_uri`, and only its query is used: the request goes to the client's own host whatever
 * host the URL names.
 */
export function nextPageRequest(
  nextPageUri: string,
  listPath: string,
  absolute = false,
): { path: string; query: Record<string, string> } {
  const relative = nextPageUri.startsWith('/') && !nextPageUri.startsWith('//');
  const local = relative && !absolute ? new URL(nextPageUri, 'https://next-page.invalid') : undefined;
  const url = absolute && URL.canParse(nextPageUri) ? new URL(nextPageUri) : local;
  if (!url || decodeURIComponent(url.pathname) !== decodeURIComponent(listPath)) {
    throw new TwilioClientError(
      'twilio_bad_next_page',
      `Twilio's next page of ${listPath} points somewhere else; stopped reading.`,
      { details: { listPath } },
    );
  }
  return { path: absolute ? listPath : url.pathname, query: Object.fromEntries(url.searchParams) };
}

/**
 * Reads every page of a 2010-04-01 listing: the first at `PageSize=1000`, then each
 * `next_page_uri` as given (relative to the API host, with Twilio's own `Page` and `PageToken`),
 * until it is null, the way twilio-node's `Page.getNextPageUrl` does (a v1 listing: the query of
 * each `meta.next_page_url`). An empty page also ends the walk. A next page for another path is
 * refused rather than followed. Each record is parsed on its own: one that does not fit `item`
 * comes back in `unreadable`.
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
    request = nextPageRequest(res.data.next, req.path, req.v1);
  }
  throw new TwilioClientError(
    'twilio_pagination_runaway',
    `Twilio kept returning pages for "${req.operation}" past page ${TWILIO_MAX_PAGES}; stopped reading.`,
    { details: { operation: req.operation, path: req.path } },
  );
}
