// Listings of Twilio's v1 hosts (iam, trunking, messaging, voice): `meta.next_page_url` pages.
import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { TwilioClientError } from './errors.js';
import { type ListAllRequest, listAll } from './pagination.js';

/**
 * The query of a v1 `meta.next_page_url` (an absolute URL, unlike the 2010 API's relative
 * `next_page_uri`), which must be a page of `path`. Only its query is used: the request goes to the
 * client's own host whatever host the URL names.
 */
function nextQuery(nextPageUrl: string, path: string): Record<string, string> {
  let url: URL | undefined;
  try {
    url = new URL(nextPageUrl);
  } catch {
    url = undefined;
  }
  if (!url || decodeURIComponent(url.pathname) !== path) {
    throw new TwilioClientError(
      'twilio_bad_next_page',
      `Twilio's next page of ${path} points somewhere else; stopped reading.`,
      { details: { listPath: path } },
    );
  }
  return Object.fromEntries(url.searchParams);
}

/**
 * Every page of a v1 listing (`{ <key>: […], meta: { next_page_url } }`), as `listAll` reads the
 * 2010 ones: `PageSize=1000` first, then the query of each `meta.next_page_url` until it is null.
 */
export function listAllV1<T>(
  http: ProviderHttp,
  req: Omit<ListAllRequest<T>, 'nextOf' | 'idKeys'>,
): Promise<Listing<T>> {
  return listAll(http, {
    ...req,
    nextOf: {
      read: (page) =>
        (page.meta as { next_page_url?: string | null } | null | undefined)?.next_page_url ?? null,
      follow: (next) => ({ path: req.path, query: nextQuery(next, req.path) }),
    },
  });
}
