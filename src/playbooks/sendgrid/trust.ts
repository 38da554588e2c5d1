import type { Finding } from '../../domain/types.js';
import { entryIsTrusted } from '../kit/allow-list.js';
import { domainIsKnown, domainOf, knownDomains } from '../kit/mail-domains.js';
import { hostOf, type Trust, trustOf } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';
import { ownerAnchor } from './owner-anchor.js';

export { entryIsTrusted, isCovered } from '../kit/allow-list.js';
export { domainIsKnown, domainOf, knownDomains } from '../kit/mail-domains.js';

/** What one SendGrid discovery trusts: the shared rules plus the operator's domains. */
export interface SendgridTrust extends Trust {
  /** What the card says about the account email as an anchor (see `ownerAnchor`), if anything. */
  ownerFinding?: Finding;
  /** The domains that count as the operator's (empty: no person or sender can be judged). */
  domains: string[];
  domainKnown(emailOrDomain: string | null | undefined): boolean;
  entryTrusted(entry: string): boolean;
  /** The host of a URL when hosts are configured and it is not trusted. */
  hostNotTrusted(url: string | null | undefined): string | undefined;
}

export function sendgridTrustOf(
  ctx: PlaybookContext<unknown>,
  ownerEmail: string | null = null,
): SendgridTrust {
  const base = trustOf(ctx);
  const anchor = ownerAnchor(ownerEmail, ctx.trusted.hosts);
  const domains = knownDomains(anchor.counted, ctx.trusted.hosts);
  return {
    ...base,
    ...(anchor.finding ? { ownerFinding: anchor.finding } : {}),
    domains,
    domainKnown: (value) => domainIsKnown(value?.includes('@') ? domainOf(value) : (value ?? ''), domains),
    entryTrusted: (entry) => entryIsTrusted(entry, ctx.trusted.ips),
    hostNotTrusted: (url) => (hostOf(url) ? base.untrustedHost([url]) : undefined),
  };
}
