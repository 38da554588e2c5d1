import type { Finding } from '../../domain/types.js';
import { cidrContains, ipIsTrusted } from '../kit/cidr-contains.js';
import { hostOf, type Trust, trustOf } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';
import { domainIsKnown, domainOf, knownDomains } from './domains.js';
import { ownerAnchor } from './owner-anchor.js';

export { domainIsKnown, domainOf, knownDomains } from './domains.js';

/**
 * Whether an allow-list entry is covered by the trusted addresses: a single address inside a
 * trusted address or range; a range (`198.51.100.0/29`) equal to or inside a trusted range; `*`
 * never (it allows everyone).
 */
export function entryIsTrusted(entry: string, trusted: readonly string[]): boolean {
  const text = entry.trim();
  if (!text.includes('/')) return ipIsTrusted(text, trusted);
  const [base = '', bits = ''] = text.split('/');
  return trusted.some((range) => {
    if (range.trim() === text) return true;
    const rangeBits = range.includes('/') ? Number(range.split('/')[1]) : Number.NaN;
    return Number.isInteger(rangeBits) && rangeBits <= Number(bits) && cidrContains(range, base);
  });
}

/** Whether `address` (an address or a range) is on a list of allow-list entries, as itself or inside one. */
export function isCovered(address: string, entries: readonly string[]): boolean {
  return entries.some((e) => e === address || entryIsTrusted(address, [e]));
}

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
