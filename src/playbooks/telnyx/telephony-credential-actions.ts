// On-demand SIP credentials: delete the ones made in the window, expire the rest (their passwords are readable).
import { listingHas } from '../../providers/http/index.js';
import type { TelephonyCredential, TelnyxClient } from '../../providers/telnyx/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { removeUnlessGone, writeUnlessDone } from '../kit/step-kit.js';
import { textParam } from './playbook-error.js';

/** Whether a credential no longer works: `expired`, or an `expires_at` that has passed. */
export function isExpired(t: TelephonyCredential, now: Date): boolean {
  if (t.expired) return true;
  const at = t.expires_at ? Date.parse(t.expires_at) : Number.NaN;
  return !Number.isNaN(at) && at <= now.getTime();
}

function listOf(client: TelnyxClient, resourceId: string) {
  return client.telephonyCredentials.list(resourceId === '' ? {} : { resourceId });
}

/** DELETE an on-demand credential; one already gone counts as deleted. */
export const deleteTelephonyCredential: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.telephonyCredentials;
  const resourceId = textParam(action, 'resourceId');
  return removeUnlessGone(
    recheck,
    async () => listingHas(await listOf(ctx.client, resourceId), action.target, (t) => t.id),
    () => api.delete(action.target),
    { result: { deleted: true } },
  );
};

/**
 * `PATCH /telephony_credentials/{id}` `{ expires_at: now }`. A recheck lists the connection's
 * credentials first: one already expired, or gone, is done. The answer is read back: a credential
 * Telnyx still shows as live is an error, not a silent success.
 */
export const expireTelephonyCredential: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const resourceId = textParam(action, 'resourceId');
  return writeUnlessDone(
    recheck,
    async () => {
      const listing = await listOf(ctx.client, resourceId);
      const found = listing.items.find((t) => t.id === action.target);
      if (found) return isExpired(found, new Date()) ? { result: { expired: true } } : undefined;
      // Unreadable but listed: it may be live, so expire it again.
      if (listing.unreadable.some((u) => u.id === action.target)) return undefined;
      return { result: { expired: true, note: 'already gone' } };
    },
    async () => {
      const at = new Date();
      const after = await ctx.client.telephonyCredentials.expire(action.target, at);
      // An answer without `expired` or `expires_at` says nothing against the write: the one asked for holds.
      const seen = after.expires_at ?? at.toISOString();
      return {
        result: {
          expired: after.expired || isExpired({ ...after, expires_at: seen }, new Date()),
          expiresAt: seen,
        },
      };
    },
  );
};
