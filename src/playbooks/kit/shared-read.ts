// A read several steps' discoveries share (PlaybookContext.shared), or a read of one's own where none is given.
import type { Listing } from '../../providers/http/index.js';
import type { PlaybookContext } from '../types.js';

/**
 * `read()` through the context's shared reads under `key` (the provider and the query, so two
 * different reads never meet), or directly. A shared listing is frozen: a step that sorted or
 * filtered it in place would change what the others see.
 */
export function sharedListing<T>(
  ctx: Pick<PlaybookContext<unknown>, 'shared'>,
  key: string,
  read: () => Promise<Listing<T>>,
): Promise<Listing<T>> {
  if (!ctx.shared) return read();
  return ctx.shared.once(key, async () => {
    const listing = await read();
    Object.freeze(listing.items);
    Object.freeze(listing.unreadable);
    return Object.freeze(listing);
  });
}
