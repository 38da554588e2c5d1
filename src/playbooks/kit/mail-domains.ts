// The operator's mail domains: an address's domain, the domains trusted hosts name, and membership.

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
