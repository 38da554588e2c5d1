// iam v1 `/v1/Keys` of the simulator: every key (restricted ones too), paged the v1 way with `meta`.
import { SIM_DEFAULT_PAGE_SIZE, SIM_MAX_PAGE_SIZE } from './list-page.js';
import type { SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, twilioErrors } from './sim-http.js';
import { keyView } from './views.js';

/** The host iam v1 page URLs name (absolute, as v1 `meta` URLs are). */
const IAM_ORIGIN = 'https://iam.twilio.com';

function pageUrl(accountSid: string, size: number, page: number): string {
  const params = new URLSearchParams({ AccountSid: accountSid, PageSize: String(size), Page: String(page) });
  if (page > 0) params.set('PageToken', `PT${page * size}`);
  return `${IAM_ORIGIN}/v1/Keys?${params.toString()}`;
}

/**
 * `GET /v1/Keys?AccountSid=` (ListGetKeys): `AccountSid` is required and must be this account's.
 * Answers `{ keys: [...], meta: { page, page_size, first_page_url, previous_page_url, url,
 * next_page_url, key } }`; each key carries `flags`.
 */
export function listIamKeys(ctx: SimContext, query: URLSearchParams): SimResponse {
  const accountSid = query.get('AccountSid');
  if (accountSid === null) return twilioErrors.badParameter('AccountSid is required');
  if (accountSid !== ctx.state.account.sid) return twilioErrors.notFound('/v1/Keys');
  const size = Number(query.get('PageSize') ?? SIM_DEFAULT_PAGE_SIZE);
  const token = /^PT([0-9]+)$/.exec(query.get('PageToken') ?? '');
  const page = Number(query.get('Page') ?? 0);
  if (!Number.isInteger(size) || size < 1 || size > SIM_MAX_PAGE_SIZE || !Number.isInteger(page)) {
    return twilioErrors.badParameter(`PageSize must be an integer from 1 to ${SIM_MAX_PAGE_SIZE}`);
  }
  const start = token ? Number(token[1]) : page * size;
  const keys = ctx.state.keys
    .slice(start, start + size)
    .map((k) => ({ ...keyView(k), flags: k.flags ?? [] }));
  const more = start + size < ctx.state.keys.length;
  return jsonResponse(200, {
    keys,
    meta: {
      page,
      page_size: size,
      first_page_url: pageUrl(accountSid, size, 0),
      previous_page_url: page > 0 ? pageUrl(accountSid, size, page - 1) : null,
      url: pageUrl(accountSid, size, page),
      next_page_url: more ? pageUrl(accountSid, size, page + 1) : null,
      key: 'keys',
    },
  });
}
