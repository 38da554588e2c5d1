import type { PlaybookContext } from '../types.js';
import { ipIsTrusted } from './cidr-contains.js';
import { DEFAULT_WINDOW_DAYS, windowOf } from './incident-window.js';
import { normaliseNumber } from './phone-numbers.js';
import { describeTime } from './step-kit.js';

/** The host of a webhook URL (`https://a.example.com:8443/x` → `a.example.com`), lower case. */
export function hostOf(url: string | null | undefined): { hostname: string; host: string } | undefined {
  if (!url || url.trim() === '') return undefined;
  const text = url.trim();
  for (const candidate of [text, `https://${text}`]) {
    try {
      const parsed = new URL(candidate);
      if (parsed.hostname !== '') {
        return { hostname: parsed.hostname.toLowerCase(), host: parsed.host.toLowerCase() };
      }
    } catch {
      // not a URL as written; try it as a bare host
    }
  }
  return undefined;
}

/**
 * Whether `hostname` (optionally with its `host` = `name:port`) matches one trusted entry:
 * `hooks.example.com` exactly, `*.example.com` any name under it (not the bare domain), and an
 * entry with a port only that host and port.
 */
export function hostIsTrusted(
  target: { hostname: string; host: string },
  trusted: readonly string[],
): boolean {
  return trusted.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '') return false;
    const hasPort = /:\d+$/.test(entry);
    const subject = hasPort ? target.host : target.hostname;
    if (entry.startsWith('*.')) return subject.endsWith(entry.slice(1));
    return subject === entry;
  });
}

/**
 * What one discovery run trusts, read once from the context: the operator's hosts, IPs and
 * numbers, and the start of the incident window.
 */
export interface Trust {
  /** False when RECLAIM_TRUSTED_HOSTS is empty: no host can be called unknown. */
  hostsConfigured: boolean;
  /** False when RECLAIM_TRUSTED_IPS is empty: no IP can be called unknown. */
  ipsConfigured: boolean;
  /** The start of the window: `--since`, or the default (`windowOf`). */
  since: Date;
  /** True when no `--since` was given and `since` is the default window's start. */
  sinceDefaulted: boolean;
  /** The first host among `urls` that is not trusted (only when hosts are configured). */
  untrustedHost(urls: readonly (string | null | undefined)[]): string | undefined;
  ipTrusted(ip: string): boolean;
  /** A host name that is trusted as a host, or an IP literal that is trusted as an IP. */
  addressTrusted(address: string): boolean;
  numberTrusted(e164: string): boolean;
  /** The reason when `iso` is inside the incident window (at or after `since`), else undefined. */
  inWindow(iso: string | null | undefined, verb: 'created' | 'changed' | 'added'): string | undefined;
}

export function trustOf(ctx: PlaybookContext<unknown>): Trust {
  const { hosts, ips, numbers } = ctx.trusted;
  const trustedNumbers = new Set(numbers.map(normaliseNumber));
  const { since, defaulted } = windowOf(ctx);
  const where = defaulted
    ? `in the last ${DEFAULT_WINDOW_DAYS} days (the default window)`
    : 'after the incident began';
  return {
    hostsConfigured: hosts.length > 0,
    ipsConfigured: ips.length > 0,
    since,
    sinceDefaulted: defaulted,
    untrustedHost(urls) {
      if (hosts.length === 0) return undefined;
      for (const url of urls) {
        const target = hostOf(url);
        if (target && !hostIsTrusted(target, hosts)) return target.hostname;
      }
      return undefined;
    },
    ipTrusted: (ip) => ipIsTrusted(ip, ips),
    addressTrusted(address) {
      const target = hostOf(address);
      return ipIsTrusted(address, ips) || (target !== undefined && hostIsTrusted(target, hosts));
    },
    numberTrusted: (e164) => trustedNumbers.has(normaliseNumber(e164)),
    inWindow(iso, verb) {
      if (!iso) return undefined;
      const at = Date.parse(iso);
      if (Number.isNaN(at) || at < since.getTime()) return undefined;
      return `${verb} ${describeTime(new Date(at).toISOString())}, ${where}`;
    },
  };
}

/** The distinct host names of the URLs that are set (`null`, empty and unparsable ones skipped). */
export function hostsOf(urls: readonly (string | null | undefined)[]): string[] {
  return [...new Set(urls.flatMap((url) => hostOf(url)?.hostname ?? []))];
}

/**
 * Why something that would be judged against a trust list is left to a person because the list is
 * not configured, e.g. `calls evil.example.net; RECLAIM_TRUSTED_HOSTS is not set, so Reclaim cannot
 * tell whether this host is yours`.
 */
export function unjudgedReason(
  what: string,
  names: readonly string[],
  unset: string,
  noun: 'host' | 'address',
): string {
  const these =
    names.length === 1 ? `this ${noun} is` : `these ${noun === 'host' ? 'hosts' : 'addresses'} are`;
  return `${what} ${names.join(', ')}; ${unset}, so Reclaim cannot tell whether ${these} yours`;
}
