import type { Listing } from '../../providers/http/index.js';
import type { AuditEvent, TelnyxClient } from '../../providers/telnyx/index.js';
import type { Trust } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';

/**
 * Telnyx's audit log since the window began, read only when `needed` (something changed in the
 * window): empty when not needed, null when it cannot be read (the log is best-effort; a step
 * says so on its card instead of failing).
 */
export async function auditSince(
  ctx: PlaybookContext<TelnyxClient>,
  trust: Trust,
  needed: boolean,
): Promise<Listing<AuditEvent> | null> {
  if (!needed) return { items: [], unreadable: [] };
  try {
    return await ctx.client.auditEvents.list({ createdAfter: trust.since });
  } catch {
    return null;
  }
}
