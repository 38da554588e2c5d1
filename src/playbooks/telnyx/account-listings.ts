// The account-wide listings several Telnyx steps read in discovery (its numbers, its audit log), read once for all of them.
import type { Listing } from '../../providers/http/index.js';
import type { AuditEvent, PhoneNumber, TelnyxClient } from '../../providers/telnyx/index.js';
import { sharedListing } from '../kit/shared-read.js';
import type { Trust } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';

/**
 * Telnyx's audit log since the window began, read only when `needed` (something changed in the
 * window): empty when not needed, null when it cannot be read (the log is best-effort; a step
 * says so on its card instead of failing). The steps discovered together read it once.
 */
export async function auditSince(
  ctx: PlaybookContext<TelnyxClient>,
  trust: Trust,
  needed: boolean,
): Promise<Listing<AuditEvent> | null> {
  if (!needed) return { items: [], unreadable: [] };
  try {
    return await sharedListing(ctx, `telnyx.audit-events?created_after=${trust.since.toISOString()}`, () =>
      ctx.client.auditEvents.list({ createdAfter: trust.since }),
    );
  } catch {
    return null;
  }
}

/** Every number of the account (`GET /phone_numbers`): the steps discovered together read it once. */
export function accountNumbers(ctx: PlaybookContext<TelnyxClient>): Promise<Listing<PhoneNumber>> {
  return sharedListing(ctx, 'telnyx.phone-numbers', () => ctx.client.phoneNumbers.list());
}
