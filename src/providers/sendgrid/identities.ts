import { z } from 'zod';
import { type Listing, recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listByOffset, paginationRunaway, SENDGRID_MAX_PAGES } from './paging.js';
import { resourcePath } from './resource-path.js';
import { noContent } from './schemas/common.js';
import { type Alert, alertSchema } from './schemas/mail-settings.js';
import { brandedDomainSchema, type VerifiedSender, verifiedSenderSchema } from './schemas/senders.js';

/** Page size for the sender and domain listings; the spec names no maximum for either. */
export const SENDGRID_SENDERS_PAGE = 100;
/** `GET /v3/whitelabel/links` takes a `limit` but no offset: one page this large is read. */
export const SENDGRID_LINKS_LIMIT = 500;

/** A collection of numbered records that send or receive mail: its listing and `DELETE …/{id}` (204). */
export interface IdentityApi<T> {
  list(): Promise<Listing<T>>;
  delete(id: number): Promise<void>;
}

const ctxOf = (http: ProviderHttp, operation: string) => ({
  provider: http.provider,
  operation,
  idKeys: ['id'],
});

function identity<T>(
  http: ProviderHttp,
  path: string,
  what: string,
  list: IdentityApi<T>['list'],
): IdentityApi<T> {
  return {
    list,
    async delete(id) {
      await http.request({
        method: 'DELETE',
        path: resourcePath(path, id),
        schema: noContent,
        operation: `delete ${what}`,
      });
    },
  };
}

/** One page of a bare-array listing (links: no offset in the spec; alerts: no paging at all). */
function onePage<T>(http: ProviderHttp, path: string, what: string, item: z.ZodType<T>, query = {}) {
  return async () =>
    (
      await http.request({
        method: 'GET',
        path,
        query,
        schema: recordsOf(item, ctxOf(http, `list ${what}`)),
        operation: `list ${what}`,
      })
    ).data;
}

/** `GET /v3/verified_senders?limit=&lastSeenID=`: each page starts after the last id of the one before. */
async function listVerified(http: ProviderHttp): Promise<Listing<VerifiedSender>> {
  const operation = 'list verified senders';
  const schema = z.object({ results: recordsOf(verifiedSenderSchema, ctxOf(http, operation)) });
  const all: Listing<VerifiedSender> = { items: [], unreadable: [] };
  let lastSeenID: number | undefined;
  for (let page = 0; page < SENDGRID_MAX_PAGES; page += 1) {
    const query = { limit: SENDGRID_SENDERS_PAGE, lastSeenID };
    const { items, unreadable } = (
      await http.request({ method: 'GET', path: VERIFIED, query, schema, operation })
    ).data.results;
    all.items.push(...items);
    all.unreadable.push(...unreadable);
    const next = items.at(-1)?.id;
    // A short page ends it; so does a last id that does not move on (a server ignoring lastSeenID).
    if (items.length + unreadable.length < SENDGRID_SENDERS_PAGE || next === undefined || next === lastSeenID)
      return all;
    lastSeenID = next;
  }
  throw paginationRunaway(operation, VERIFIED);
}

const VERIFIED = '/v3/verified_senders';
const DOMAINS = '/v3/whitelabel/domains';
const LINKS = '/v3/whitelabel/links';
const ALERTS = '/v3/alerts';

/**
 * Sender Identities (verified or not), authenticated (DKIM-signing) domains, branded links
 * (`?limit=500`) and alerts, each with its DELETE.
 */
export function createIdentityApis(http: ProviderHttp) {
  const domains = () =>
    listByOffset(http, {
      path: DOMAINS,
      operation: 'list authenticated domains',
      schema: recordsOf(brandedDomainSchema, ctxOf(http, 'list authenticated domains')),
      items: (page) => page,
      limit: SENDGRID_SENDERS_PAGE,
    });
  return {
    verifiedSenders: identity(http, VERIFIED, 'verified sender', () => listVerified(http)),
    authenticatedDomains: identity(http, DOMAINS, 'authenticated domain', domains),
    brandedLinks: identity(
      http,
      LINKS,
      'branded link',
      onePage(http, LINKS, 'branded links', brandedDomainSchema, { limit: SENDGRID_LINKS_LIMIT }),
    ),
    alerts: identity<Alert>(http, ALERTS, 'alert', onePage(http, ALERTS, 'alerts', alertSchema)),
  };
}
