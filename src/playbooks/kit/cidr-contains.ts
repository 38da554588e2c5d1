import { isIP } from 'node:net';

/** An address as a number: 32 bits for IPv4, 128 for IPv6. */
interface ParsedIp {
  family: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Expands `::`, reads an embedded IPv4 tail (`::ffff:192.0.2.1`) and drops a zone (`%eth0`). */
function parseIpv6(text: string): bigint {
  let address = text.split('%')[0] ?? '';
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    address = `${address.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/**
 * Parses an IPv4 or IPv6 address; `undefined` when it is neither. An IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.7`) is read as the IPv4 address it carries, so it matches IPv4 ranges.
 */
export function parseIp(text: string): ParsedIp | undefined {
  const trimmed = text.trim();
  const family = isIP(trimmed.split('%')[0] ?? '');
  if (family === 4) return { family: 4, value: parseIpv4(trimmed) };
  if (family !== 6) return undefined;
  const value = parseIpv6(trimmed);
  if (value >> 32n === 0xffffn) return { family: 4, value: value - V4_MAPPED_PREFIX };
  return { family: 6, value };
}

/**
 * Whether `ip` lies in `range`: a CIDR (`198.51.100.0/29`, `2001:db8::/32`) or a single address
 * (exact match). Addresses of different families never match; anything unparsable never matches.
 */
export function cidrContains(range: string, ip: string): boolean {
  const [base = '', bitsText, ...extra] = range.trim().split('/');
  if (extra.length > 0) return false;
  const network = parseIp(base);
  const address = parseIp(ip);
  if (!network || !address || network.family !== address.family) return false;
  const width = network.family === 4 ? 32 : 128;
  // A mapped IPv6 range (`::ffff:198.51.100.0/120`) counts its prefix over 128 bits.
  const mappedShift = base.includes(':') && network.family === 4 ? 96 : 0;
  const bits = bitsText === undefined ? width : Number(bitsText) - mappedShift;
  if (bitsText !== undefined && !/^\d+$/.test(bitsText)) return false;
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
  const host = BigInt(width - bits);
  return network.value >> host === address.value >> host;
}

/** Whether `ip` is in any of the trusted addresses or ranges. */
export function ipIsTrusted(ip: string, trusted: readonly string[]): boolean {
  return trusted.some((range) => cidrContains(range, ip));
}
