// One page of a v1 listing (trunking, messaging, voice): `{ <key>: […], meta: { …, next_page_url } }`.
import type { JsonObject } from './account-state.js';
import { SIM_DEFAULT_PAGE_SIZE, SIM_MAX_PAGE_SIZE } from './list-page.js';
import { jsonResponse, type SimResponse, twilioErrors } from './sim-http.js';

export interface V1ListRequest {
  /** The host v1 page URLs name, e.g. `https://trunking.twilio.com` (absolute, as v1 `meta` URLs are). */
  origin: string;
  path: string;
  key: string;
  query: URLSearchParams;
  /** Filter parameters carried into every page URL. */
  filters?: readonly string[];
}

/**
 * `records` paged as v1 pages them: `PageSize` (1–1000, default 50), `Page`, and `PageToken`
 * (`PT<offset>`, opaque to a client); `meta.next_page_url` is null on the last page.
 */
export function v1ListPage(records: readonly JsonObject[], req: V1ListRequest): SimResponse {
  const size = Number(req.query.get('PageSize') ?? SIM_DEFAULT_PAGE_SIZE);
  const page = Number(req.query.get('Page') ?? 0);
  if (
    !Number.isInteger(size) ||
    size < 1 ||
    size > SIM_MAX_PAGE_SIZE ||
    !Number.isInteger(page) ||
    page < 0
  ) {
    return twilioErrors.badParameter(`PageSize must be an integer from 1 to ${SIM_MAX_PAGE_SIZE}`);
  }
  const token = /^PT([0-9]+)$/.exec(req.query.get('PageToken') ?? '');
  const start = token ? Number(token[1]) : page * size;
  const url = (n: number) => {
    const params = new URLSearchParams();
    for (const name of req.filters ?? []) {
      const value = req.query.get(name);
      if (value !== null) params.set(name, value);
    }
    params.set('PageSize', String(size));
    params.set('Page', String(n));
    if (n > 0) params.set('PageToken', `PT${n * size}`);
    return `${req.origin}${req.path}?${params.toString()}`;
  };
  return jsonResponse(200, {
    [req.key]: records.slice(start, start + size),
    meta: {
      page,
      page_size: size,
      first_page_url: url(0),
      previous_page_url: page > 0 ? url(page - 1) : null,
      url: url(page),
      next_page_url: start + size < records.length ? url(page + 1) : null,
      key: req.key,
    },
  });
}

/** An instant as v1 writes it: ISO 8601 in UTC, to the second (`2026-02-27T10:22:05Z`). */
export function isoSeconds(date: string | number): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
