import type { JsonObject } from './account-state.js';
import { jsonResponse, type SimResponse, twilioErrors } from './sim-http.js';

/** The spec's `PageSize` bounds on every 2010-04-01 listing; Twilio's default is 50. */
export const SIM_MAX_PAGE_SIZE = 1000;
export const SIM_DEFAULT_PAGE_SIZE = 50;

export interface ListRequest {
  /** The listing's path, e.g. `/2010-04-01/Accounts/AC…/Keys.json`. */
  path: string;
  /** The array's key in the page, e.g. `keys`. */
  key: string;
  query: URLSearchParams;
  /** Filter parameters the listing takes; they are carried into every page URI. */
  filters: readonly string[];
}

function readInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  return /^[0-9]+$/.test(raw) && value >= min && value <= max ? value : undefined;
}

/** The page's URI: path, the filters asked for, then `PageSize`, `Page` and `PageToken`. */
function pageUri(req: ListRequest, size: number, page: number, offset: number): string {
  const params = new URLSearchParams();
  for (const name of req.filters) {
    const value = req.query.get(name);
    if (value !== null) params.set(name, value);
  }
  params.set('PageSize', String(size));
  params.set('Page', String(page));
  if (page > 0) params.set('PageToken', `PT${offset}`);
  return `${req.path}?${params.toString()}`;
}

/**
 * One page of `records` as the 2010 API lists it: `{ <key>: […], first_page_uri, next_page_uri,
 * previous_page_uri, page, page_size, start, end, uri }`. The position is `PageToken` (the
 * simulator's tokens are `PT<offset>`, as opaque to a client as Twilio's) or else `Page × PageSize`.
 * `next_page_uri` is null on the last page; every URI is relative to the host.
 */
export function listPage(records: readonly JsonObject[], req: ListRequest): SimResponse {
  const size = readInt(req.query, 'PageSize', SIM_DEFAULT_PAGE_SIZE, 1, SIM_MAX_PAGE_SIZE);
  if (size === undefined) {
    return twilioErrors.badParameter(`PageSize must be an integer from 1 to ${SIM_MAX_PAGE_SIZE}`);
  }
  const page = readInt(req.query, 'Page', 0, 0, Number.MAX_SAFE_INTEGER);
  if (page === undefined) return twilioErrors.badParameter('Page must be a non-negative integer');
  const token = req.query.get('PageToken');
  let start = page * size;
  if (token !== null) {
    const match = /^PT([0-9]+)$/.exec(token);
    if (!match) return twilioErrors.badParameter('PageToken is not valid');
    start = Number(match[1]);
  }
  const items = records.slice(start, start + size);
  const more = start + size < records.length;
  return jsonResponse(200, {
    [req.key]: items,
    first_page_uri: pageUri(req, size, 0, 0),
    next_page_uri: more ? pageUri(req, size, page + 1, start + size) : null,
    previous_page_uri: page > 0 ? pageUri(req, size, page - 1, Math.max(0, start - size)) : null,
    page,
    page_size: size,
    start,
    end: start + Math.max(0, items.length - 1),
    uri: pageUri(req, size, page, start),
  });
}
