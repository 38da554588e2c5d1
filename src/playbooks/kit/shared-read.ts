// A read several steps' discoveries share (PlaybookContext.shared), or a read of one's own where none is given.
import type { Listing } from '../../providers/http/index.js';
import type { PlaybookContext } from '../types.js';

/**
 * `read()` through the context's shared reads under `key` (the provider and the query, so two
 * different reads never meet), or directly. A shared listing is frozen: a step that sorted or
 * filtered it in place would change what the others see. `accountWide` (every number of the
 * account): such listings of one incident are read in turn, so two 100,000-record listings are
 * not in memory at once; the incident's other reads keep the provider's rate busy meanwhile.
 */
export function sharedListing<T>(
  ctx: Pick<PlaybookContext<unknown>, 'shared'>,
  key: string,
  read: () => Promise<Listing<T>>,
  options: { accountWide?: boolean } = {},
): Promise<Listing<T>> {
  const shared = ctx.shared;
  if (!shared) return read();
  return shared.once(key, async () => {
    const listing = await (options.accountWide ? shared.inTurn(ACCOUNT_WIDE, read) : read());
    Object.freeze(listing.items);
    Object.freeze(listing.unreadable);
    return Object.freeze(listing);
  });
}

const ACCOUNT_WIDE = 'account-wide listings';
