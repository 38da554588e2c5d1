// One read shared by the callers that ask for it at about the same time: joined while in flight, kept a short while after.

export interface ReadMemo {
  /**
   * `read()`'s result for `key`: the same promise for every call while it is in flight and for
   * `keepMs` after it resolved; a read that failed is not kept (the next call reads again).
   */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Lets go of every key that starts with `prefix` at once (a read in flight still answers its callers). */
  forget(prefix: string): void;
  /** Keys held now (for tests). */
  size(): number;
}

interface Entry {
  value: Promise<unknown>;
  timer?: NodeJS.Timeout;
}

export function createReadMemo(keepMs: number): ReadMemo {
  const entries = new Map<string, Entry>();
  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    clearTimeout(entry.timer);
    entries.delete(key);
  };
  return {
    once<T>(key: string, read: () => Promise<T>): Promise<T> {
      const held = entries.get(key);
      if (held) return held.value as Promise<T>;
      const entry: Entry = { value: read() };
      entries.set(key, entry);
      entry.value.then(
        () => {
          // Held only as long as a caller arriving a little late may use it: a big listing is not kept.
          entry.timer = setTimeout(() => drop(key, entry), keepMs);
          entry.timer.unref();
        },
        () => drop(key, entry),
      );
      return entry.value as Promise<T>;
    },
    forget(prefix: string) {
      for (const [key, entry] of [...entries]) if (key.startsWith(prefix)) drop(key, entry);
    },
    size: () => entries.size,
  };
}
