// API keys as iam v1 lists them (`iam.twilio.com/v1/Keys`): restricted keys included, which the 2010 listing may not show.
import { z } from 'zod';
import { type Listing, recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { TwilioClientError } from './errors.js';
import { TWILIO_MAX_PAGE_SIZE, TWILIO_MAX_PAGES } from './pagination.js';
import { noContent, send } from './request.js';
import { type IamApiKey, iamApiKeySchema } from './schemas/keys.js';
import { checkedSid } from './sid.js';

/**
 * `GET /v1/Keys?AccountSid=` (ListGetKeys; `AccountSid` is required) and `DELETE /v1/Keys/{Sid}`
 * (204). The listing adds `flags` to what the 2010 `Keys.json` gives, and lists the restricted keys
 * (`KeyType=restricted`, made through iam v1), which the 2010 listing may leave out.
 */
export interface IamKeysApi {
  list(): Promise<Listing<IamApiKey>>;
  delete(sid: string): Promise<void>;
}

const KEYS = '/v1/Keys';

const pageSchema = (records: z.ZodType<Listing<IamApiKey>>) =>
  z.object({
    keys: records,
    meta: z.object({ next_page_url: z.string().nullish() }).nullish(),
  });

/**
 * The query of a v1 `meta.next_page_url` (an absolute URL, unlike the 2010 API's relative
 * `next_page_uri`), which must be a page of `/v1/Keys`. Only its query is used: the request goes to
 * the client's own iam host whatever host the URL names.
 */
function nextQuery(nextPageUrl: string): Record<string, string> {
  let url: URL | undefined;
  try {
    url = new URL(nextPageUrl);
  } catch {
    url = undefined;
  }
  if (!url || url.pathname !== KEYS) {
    throw new TwilioClientError(
      'twilio_bad_next_page',
      `Twilio's next page of ${KEYS} points somewhere else; stopped reading.`,
      { details: { listPath: KEYS } },
    );
  }
  return Object.fromEntries(url.searchParams);
}

export function createIamKeysApi(http: ProviderHttp, accountSid: string): IamKeysApi {
  const records = recordsOf(iamApiKeySchema, {
    provider: http.provider,
    operation: 'list API keys (iam v1)',
    idKeys: ['sid'],
  });
  const schema = pageSchema(records);
  return {
    async list() {
      const listing: Listing<IamApiKey> = { items: [], unreadable: [] };
      let query: Record<string, string | number> = { AccountSid: accountSid, PageSize: TWILIO_MAX_PAGE_SIZE };
      for (let page = 1; page <= TWILIO_MAX_PAGES; page += 1) {
        const res = await http.request({
          method: 'GET',
          path: KEYS,
          query,
          schema,
          operation: page === 1 ? 'list API keys (iam v1)' : `list API keys (iam v1) (page ${page})`,
        });
        const { items, unreadable } = res.data.keys;
        listing.items.push(...items);
        listing.unreadable.push(...unreadable);
        const next = res.data.meta?.next_page_url ?? null;
        if (next === null || items.length + unreadable.length === 0) return listing;
        query = nextQuery(next);
      }
      throw new TwilioClientError(
        'twilio_pagination_runaway',
        `Twilio kept returning pages for "list API keys (iam v1)" past page ${TWILIO_MAX_PAGES}; stopped reading.`,
        { details: { operation: 'list API keys (iam v1)', path: KEYS } },
      );
    },
    delete: async (sid) =>
      send(http, {
        method: 'DELETE',
        path: `${KEYS}/${checkedSid('SK', sid, 'delete API key (iam v1)')}`,
        operation: 'delete API key (iam v1)',
        schema: noContent,
      }),
  };
}
