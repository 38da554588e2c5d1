import { cidrContains, ipIsTrusted } from '../kit/cidr-contains.js';
import { hostOf, type Trust, trustOf } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';

/** The domain of an address (`Ops@Mail.Example.net` → `mail.example.net`); '' when there is none. */
export function domainOf(email: string | null | undefined): string {
  const at = (email ?? '').lastIndexOf('@');
  return at < 0
    ? ''
    : (email ?? '')
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/**
 * The domains whose people and senders count as the operator's: the owner's sign-in domain, each
 * trusted host (without port), each trusted host's parent (`hooks.acme.com` → `acme.com`, never a
 * bare `com`) and each wildcard's domain (`*.acme.com` → `acme.com`). A domain is known when it is
 * one of them or a subdomain of one.
 */
export function knownDomains(ownerEmail: string | null, trustedHosts: readonly string[]): string[] {
  const out = new Set<string>();
  const owner = domainOf(ownerEmail);
  if (owner.includes('.')) out.add(owner);
  for (const raw of trustedHosts) {
    const entry = raw.trim().toLowerCase().replace(/:\d+$/, '');
    const host = entry.replace(/^\*\./, '');
    if (!host.includes('.')) continue;
    out.add(host);
    // `*.mail.acme.com` already names a domain; `hooks.acme.com` names a host of `acme.com`.
    const parent = host.slice(host.indexOf('.') + 1);
    if (!entry.startsWith('*.') && parent.includes('.')) out.add(parent);
  }
  // A subdomain of a domain already known adds nothing (and would only lengthen the card).
  return [...out].filter((d) => ![...out].some((other) => d.endsWith(`.${other}`)));
}

export function domainIsKnown(domain: string, known: readonly string[]): boolean {
  const d = domain.toLowerCase();
  return d !== '' && known.some((base) => d === base || d.endsWith(`.${base}`));
}

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
  const domains = knownDomains(ownerEmail, ctx.trusted.hosts);
  return {
    ...base,
    domains,
    domainKnown: (value) => domainIsKnown(value?.includes('@') ? domainOf(value) : (value ?? ''), domains),
    entryTrusted: (entry) => entryIsTrusted(entry, ctx.trusted.ips),
    hostNotTrusted: (url) => (hostOf(url) ? base.untrustedHost([url]) : undefined),
  };
}
