// Allow-list entries (an address or a CIDR range) against the operator's trusted addresses.
import { cidrContains, ipIsTrusted } from './cidr-contains.js';

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
