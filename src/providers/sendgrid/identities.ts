import { z } from 'zod';
import { type Listing, recordsOf } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listByOffset, paginationRunaway, SENDGRID_MAX_PAGES } from './paging.js';
import { call, ctxOf, deleteById } from './requests.js';
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

/** `GET /v3/verified_senders?limit=&lastSeenID=`: each page starts after the last id of the one before. */
async function listVerified(http: ProviderHttp): Promise<Listing<VerifiedSender>> {
  const operation = 'list verified senders';
  const schema = z.object({ results: recordsOf(verifiedSenderSchema, ctxOf(http, operation, ['id'])) });
  const all: Listing<VerifiedSender> = { items: [], unreadable: [] };
  let lastSeenID: number | undefined;
  for (let page = 0; page < SENDGRID_MAX_PAGES; page += 1) {
    const query = { limit: SENDGRID_SENDERS_PAGE, lastSeenID };
    const { items, unreadable } = (
      await call(http, { method: 'GET', path: VERIFIED, query, schema, operation })
    ).results;
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
  const identity = <T>(path: string, what: string, list: IdentityApi<T>['list']): IdentityApi<T> => ({
    list,
    delete: (id) => deleteById(http, path, id, `delete ${what}`),
  });
  /** One page of a bare-array listing (links: no offset in the spec; alerts: no paging at all). */
  const onePage = <T>(path: string, what: string, item: z.ZodType<T>, query = {}) => {
    const operation = `list ${what}`;
    const schema = recordsOf(item, ctxOf(http, operation, ['id']));
    return async () => call(http, { method: 'GET', path, query, schema, operation });
  };
  const domains = () =>
    listByOffset(http, {
      path: DOMAINS,
      operation: 'list authenticated domains',
      schema: recordsOf(brandedDomainSchema, ctxOf(http, 'list authenticated domains', ['id'])),
      items: (page) => page,
      limit: SENDGRID_SENDERS_PAGE,
    });
  const links = onePage(LINKS, 'branded links', brandedDomainSchema, { limit: SENDGRID_LINKS_LIMIT });
  return {
    /** `/v3/verified_senders`, `/v3/whitelabel/domains`, `/v3/whitelabel/links`, `/v3/alerts`. */
    verifiedSenders: identity(VERIFIED, 'verified sender', () => listVerified(http)),
    authenticatedDomains: identity(DOMAINS, 'authenticated domain', domains),
    brandedLinks: identity(LINKS, 'branded link', links),
    alerts: identity<Alert>(ALERTS, 'alert', onePage(ALERTS, 'alerts', alertSchema)),
  };
}
