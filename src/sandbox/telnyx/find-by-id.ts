// A record of a simulated collection by id, from an index of positions kept per array (a 100,000-number account is searched per request).

interface HasId {
  id: string;
}

const positions = new WeakMap<readonly HasId[], Map<string, number>>();

/**
 * `list.find((r) => r.id === id)` without the scan: the index of positions is built once per
 * array and checked at each look (the record at the position must have the id). A look the
 * index cannot answer scans, as `find` would, and rebuilds the index when the record is there
 * (one was added, removed or moved); an id not in the list costs the scan and changes nothing.
 */
export function findById<T extends HasId>(list: readonly T[], id: string): T | undefined {
  const at = positions.get(list)?.get(id);
  if (at !== undefined && list[at]?.id === id) return list[at];
  const found = list.findIndex((r) => r.id === id);
  if (found === -1) return undefined;
  const index = new Map<string, number>();
  for (const [i, record] of list.entries()) if (!index.has(record.id)) index.set(record.id, i);
  positions.set(list, index);
  return list[found];
}
