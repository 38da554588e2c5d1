// The account-wide listings several Telnyx steps read in discovery (its numbers, its audit log), read once for all of them.
import type { Listing } from '../../providers/http/index.js';
import type { AuditEvent, PhoneNumber, TelnyxClient } from '../../providers/telnyx/index.js';
import { sharedListing } from '../kit/shared-read.js';
import type { Trust } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';

/**
 * Telnyx's audit log since the window began, null when it cannot be read (the log is best-effort;
 * a step says so on its card instead of failing). Never rejects: a step starts it beside its other
 * reads (on a big account the log is a thousand pages of 10, which would otherwise wait for the
 * 400 pages of numbers) and awaits it only once it knows something changed in the window. The
 * steps discovered together read it once.
 */
export function auditSince(
  ctx: PlaybookContext<TelnyxClient>,
  trust: Trust,
): Promise<Listing<AuditEvent> | null> {
  return sharedListing(ctx, `telnyx.audit-events?created_after=${trust.since.toISOString()}`, () =>
    ctx.client.auditEvents.list({ createdAfter: trust.since }),
  ).catch(() => null);
}

/** Nothing read: what a step takes instead of the log when nothing changed in the window. */
export const NO_AUDIT_EVENTS: Listing<AuditEvent> = Object.freeze({
  items: Object.freeze([]) as unknown as AuditEvent[],
  unreadable: Object.freeze([]) as unknown as Listing<AuditEvent>['unreadable'],
});

/** Every number of the account (`GET /phone_numbers`): the steps discovered together read it once. */
export function accountNumbers(ctx: PlaybookContext<TelnyxClient>): Promise<Listing<PhoneNumber>> {
  return sharedListing(ctx, 'telnyx.phone-numbers', () => ctx.client.phoneNumbers.list());
}
