// The API access allow-list as one list: its addresses and its ranges, and what stays after a removal.
import type { AccessIpAddress, AccessIpRange, TelnyxClient } from '../../providers/telnyx/index.js';
import { isCovered } from '../kit/allow-list.js';

/** Which of the two collections an entry is in: `/access_ip_address` or `/access_ip_ranges`. */
export type AccessListKind = 'address' | 'range';

/** One entry of either collection, its address (or range) under one name. */
export interface AccessEntry {
  list: AccessListKind;
  id: string;
  address: string | null;
  description: string | null;
  status: string | null;
  created_at: string | null;
}

/** Adds to or removes from the collection of `list`; what it answers is read as an entry. */
export function accessApi(client: TelnyxClient, list: AccessListKind) {
  const api = list === 'address' ? client.accessIpAddresses : client.accessIpRanges;
  return {
    delete: (id: string) => api.delete(id),
    add: async (address: string, description: string) => entryOf(await api.add(address, description), list),
  };
}

function entryOf(e: AccessIpAddress | AccessIpRange, list: AccessListKind): AccessEntry {
  const address = 'ip_address' in e ? e.ip_address : e.cidr_block;
  const { id, description, status, created_at } = e;
  return { list, id, address, description, status, created_at };
}

/** Both collections, read at once; an entry without an address covers nothing. */
export async function readAccessList(client: TelnyxClient) {
  const [addresses, ranges] = await Promise.all([
    client.accessIpAddresses.list(),
    client.accessIpRanges.list(),
  ]);
  const entries: AccessEntry[] = [
    ...addresses.items.map((e) => entryOf(e, 'address')),
    ...ranges.items.map((e) => entryOf(e, 'range')),
  ];
  return { entries, listings: [addresses, ranges] as const };
}

/**
 * Whether the list may be left as `remaining`: empty (the allow-list is off, so no address is refused)
 * or still allowing every address of `keep` (Reclaim's and the operator's, RECLAIM_TRUSTED_IPS).
 */
export function leavesReclaimIn(remaining: readonly AccessEntry[], keep: readonly string[]): boolean {
  if (remaining.length === 0) return true;
  const listed = remaining.flatMap((e) => (e.address === null ? [] : [e.address]));
  return keep.length > 0 && keep.every((k) => isCovered(k, listed));
}

/** Which collection a trusted address is added to: a CIDR range to the ranges, anything else to the addresses. */
export function kindOfAddress(address: string): AccessListKind {
  return address.includes('/') ? 'range' : 'address';
}
