// Remembers request signatures (or any id) for as long as they could be replayed, in bounded memory.

export interface ReplayCache {
  /** True when `key` was recorded before and has not expired; otherwise records it until `expiresAtMs`. */
  seenBefore(key: string, expiresAtMs: number): boolean;
  readonly size: number;
}

/**
 * An in-memory set with expiry, at most `capacity` keys: past that the oldest are forgotten first
 * (so a flood of signed requests costs memory up to the cap, never more). Per process: replicas
 * do not share it.
 */
export function createReplayCache(options: { capacity: number; now?: () => number }): ReplayCache {
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  const prune = (at: number) => {
    // Keys arrive in about the order they expire; drop expired ones from the oldest end.
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > at && expiries.size <= options.capacity) break;
      expiries.delete(key);
    }
  };
  return {
    seenBefore(key, expiresAtMs) {
      const at = now();
      const known = expiries.get(key);
      if (known !== undefined && known > at) return true;
      expiries.delete(key);
      expiries.set(key, expiresAtMs);
      prune(at);
      return false;
    },
    get size() {
      return expiries.size;
    },
  };
}
